from pathlib import Path

from django.core.management.base import BaseCommand

from inventory.exporter import export_inventory


class Command(BaseCommand):
    help = (
        "Write the live inventory (pages, taxonomies, relations, SWOTs, tags, review dates) to DIR in the "
        "format load_inventory reads: export, load elsewhere, export again gives identical files."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="folder to write the YAML files to (created if missing)")

    def handle(self, directory, **options):
        counts = export_inventory(Path(directory))
        for name, count in counts.items():
            self.stdout.write(f"  {name}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Inventaris geëxporteerd naar {directory}."))
