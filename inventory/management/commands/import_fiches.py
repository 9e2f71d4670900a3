import json

from django.core.management.base import BaseCommand, CommandError

from inventory.drafts import create_drafts
from inventory.fiche_parser import FicheImportError, parse_report, read_text


class Command(BaseCommand):
    help = (
        "Read actor and action fiches in the analysis report's layout (a .txt or .pdf file) and create "
        "draft pages for review. Nothing is published."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="text or PDF file in the report's fiche layout")
        parser.add_argument("--dry-run", action="store_true", help="only show what was found; write nothing")
        parser.add_argument(
            "--json", action="store_true", help="with --dry-run: the fiches as JSON on stdout"
        )

    def handle(self, path, dry_run, json, **options):
        try:
            parsed = parse_report(read_text(path))
        except FicheImportError as exc:
            raise CommandError(f"{path}: {exc} Er is niets geïmporteerd.") from exc
        fiches = parsed.fiches
        if dry_run and json:
            self.stdout.write(_json_dump([fiche.to_dict() for fiche in fiches]))
            for warning in parsed.warnings:
                self.stderr.write(f"  {warning}")
            return
        # Never silently: every fiche or heading the parser left out is listed.
        for warning in parsed.warnings:
            self.stdout.write(self.style.WARNING(f"  {warning}"))
        if dry_run:
            for fiche in fiches:
                self.stdout.write(
                    f"{fiche.number:<8} {fiche.kind:<6} {fiche.title}  [{', '.join(fiche.fields)}]"
                )
            self.stdout.write(f"{len(fiches)} fiches gevonden (proefdraai: er is niets geschreven).")
            return
        report = create_drafts(fiches)
        for page in report.created:
            self.stdout.write(
                f"  concept: {page.source_reference:<8} {page.title}  (bewerken: /admin/pages/{page.pk}/edit/)"
            )
        for fiche, reason in report.skipped:
            self.stdout.write(f"  overgeslagen: {fiche.number:<8} {reason}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(report.created)} concepten aangemaakt ter nalezing, {len(report.skipped)} overgeslagen. "
                "Niets is gepubliceerd."
            )
        )


def _json_dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
