"""Ask every actor that is due whether its offer is still right; remind once who did not answer."""

from django.core.management.base import BaseCommand

from editorial.provider_check import ask_providers


class Command(BaseCommand):
    help = "Mail each actor with an organisation address a link to check its fiches (every PROVIDER_CHECK_MONTHS)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count who would get a mail; send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        counts = ask_providers(dry_run=dry_run)
        summary = ", ".join(f"{label}: {count}" for label, count in counts.items())
        self.stdout.write(("Proefdraai, niets verstuurd. " if dry_run else "") + summary)
