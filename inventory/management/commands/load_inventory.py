from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from inventory.files import DEFAULT_DATA_DIR, InventoryError
from inventory.loader import load_inventory


class Command(BaseCommand):
    help = (
        "Load the inventory (partner groups, actors, actions, good practices) into the page tree and "
        "publish it. Idempotent: unchanged entries and pages edited since the last load are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "directory", nargs="?", default=str(DEFAULT_DATA_DIR), help="folder with the YAML files"
        )
        parser.add_argument(
            "--force", action="store_true", help="overwrite pages that editors changed since the last load"
        )

    def handle(self, directory, force, **options):
        try:
            report = load_inventory(
                Path(directory), force=force, progress=lambda line: self.stdout.write(f"  {line}")
            )
        except InventoryError as exc:
            raise CommandError(
                f"De inventaris is niet geladen; er is niets gewijzigd. {len(exc.errors)} probleem/problemen:\n"
                + "\n".join(f"  - {error}" for error in exc.errors)
            ) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Inventaris geladen: {len(report.created)} aangemaakt, {len(report.updated)} bijgewerkt, "
                f"{len(report.skipped)} overgeslagen"
                f" ({len(report.unchanged)} ongewijzigd, {len(report.kept)} door de redactie aangepast)."
            )
        )
        if report.kept and not force:
            self.stdout.write(
                "Door de redactie aangepaste pagina's bleven ongemoeid (gebruik --force om ze te overschrijven)."
            )
