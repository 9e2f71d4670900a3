"""Write the search concepts as CSV or SKOS: manage.py export_concepts [--format csv|ttl|rdf] [FILE]."""

from pathlib import Path

from django.core.management.base import BaseCommand

from search.concept_io import FORMATS, export


class Command(BaseCommand):
    help = "Exporteer de zoekconcepten als CSV of SKOS (Turtle of RDF/XML)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="bestand (standaard: naar de uitvoer)")
        parser.add_argument(
            "--format", choices=sorted(FORMATS), default=None, help="standaard: uit de extensie, anders csv"
        )

    def handle(self, *args, **options):
        target = options["file"]
        file_format = options["format"] or (Path(target).suffix.lstrip(".").lower() if target else "csv")
        if file_format not in FORMATS:
            file_format = "csv"
        text = export(file_format)
        if target:
            Path(target).write_text(text, encoding="utf-8")
            self.stdout.write(f"Concepten geschreven naar {target} ({file_format}).")
        else:
            self.stdout.write(text, ending="")
