"""Read search concepts from CSV or SKOS: manage.py import_concepts FILE [--format csv|ttl|rdf]."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from search.concept_io import FORMATS, import_text


class Command(BaseCommand):
    help = "Importeer zoekconcepten uit CSV of SKOS; bestaande (zelfde voorkeurslabel) worden bijgewerkt."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--format", choices=sorted(FORMATS), default=None, help="standaard: uit de extensie"
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        file_format = options["format"] or {"xml": "rdf", "skos": "ttl"}.get(
            path.suffix.lstrip(".").lower(), path.suffix.lstrip(".").lower()
        )
        if file_format not in FORMATS:
            raise CommandError("Onbekend formaat: gebruik .csv, .ttl of .rdf, of --format.")
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CommandError("Het bestand is geen UTF-8-tekst.") from exc
        report = import_text(text, file_format)
        for error in report.errors:
            self.stderr.write(error)
        self.stdout.write(f"Concepten geïmporteerd: {report.summary()}.")
