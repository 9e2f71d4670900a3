"""Add (or reuse) a source and harvest it once, for tests, demos and scripts:

    manage.py harvest_source URL --kind ical|jsonld|csv --actor SLUG [--trust live|review]

Exits non-zero when the source could not be read; the last line says what changed."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator

from actors.models import ActorPage
from harvest.models import HarvestSource
from harvest.run import harvest


class Command(BaseCommand):
    help = "Voeg een oogstbron toe (of gebruik de bestaande) en haal ze één keer op."

    def add_arguments(self, parser):
        parser.add_argument("url")
        parser.add_argument("--kind", required=True, choices=HarvestSource.Kind.values)
        parser.add_argument("--actor", required=True, help="Slug van de aanbieder (actor).")
        parser.add_argument("--trust", choices=HarvestSource.Trust.values, default=HarvestSource.Trust.REVIEW)
        parser.add_argument("--name", default="", help="Naam van de bron (standaard: de actor en de soort).")

    def handle(self, url, kind, actor, trust, name, **options):
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError as exc:
            raise CommandError(f"Dit is geen webadres: {url}. Er is niets gewijzigd.") from exc
        found = ActorPage.objects.filter(slug=actor).first()
        if found is None:
            raise CommandError(f"Onbekende actor: {actor}. Er is niets gewijzigd.")
        source, created = HarvestSource.objects.get_or_create(
            url=url,
            defaults={
                "kind": kind,
                "actor": found,
                "trust": trust,
                "name": name or f"{found.title} ({kind})",
            },
        )
        if not created and (source.kind, source.actor_id, source.trust) != (kind, found.pk, trust):
            source.kind, source.actor, source.trust = kind, found, trust
            source.save(update_fields=["kind", "actor", "trust"])
        self.stdout.write(f"Bron {source.pk} {'toegevoegd' if created else 'hergebruikt'}: {source.url}")
        report = harvest(source)
        for message in report.messages[1 if report.failed else 0 :]:
            self.stdout.write(f"  {message}")
        if report.failed:
            self.stdout.write(report.summary)
            raise CommandError(report.summary)
        self.stdout.write(report.summary)
