"""Harvest every active source (or one): `manage.py harvest [--source ID]`. A bad source is reported
and the others still run; the exit status is non-zero when any source failed."""

from django.core.management.base import BaseCommand, CommandError

from harvest.models import HarvestSource
from harvest.run import harvest_all


class Command(BaseCommand):
    help = "Haal de sessies op uit de feeds van de aanbieders (oogstbronnen)."

    def add_arguments(self, parser):
        parser.add_argument("--source", type=int, help="Alleen de bron met dit id.")

    def handle(self, source=None, **options):
        if source is not None and not HarvestSource.objects.filter(pk=source).exists():
            raise CommandError(f"Er is geen oogstbron met id {source}.")
        reports = harvest_all(source)
        for report in reports:
            for message in report.messages[1 if report.failed else 0 :]:
                self.stdout.write(f"  {message}")
            self.stdout.write(report.summary)
        failed = [report for report in reports if report.failed]
        if failed:
            raise CommandError(f"{len(failed)} van {len(reports)} bron(nen) konden niet gelezen worden.")
