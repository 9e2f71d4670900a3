"""manage.py import_sessions FILE [--dry-run]: a provider's sessions (CSV or JSON) onto their actions."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from inventory.session_import import SessionImportError, apply_import, plan_import, read_rows


class Command(BaseCommand):
    help = "Lees sessies in uit een CSV- of JSON-bestand (alles of niets; idempotent op 'identifier')."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="alleen nakijken, niets schrijven")

    def handle(self, *args, file: Path, dry_run: bool, **options):
        if not file.is_file():
            raise CommandError(f"Bestand niet gevonden: {file}")
        try:
            plan = plan_import(read_rows(file.read_bytes(), file.name))
        except SessionImportError as exc:
            raise CommandError(f"{exc} Er is niets ingelezen.") from exc
        for line in plan.errors:
            self.stderr.write(f"regel {line.number}: {'; '.join(line.errors)}")
        if plan.errors:
            raise CommandError(f"{len(plan.errors)} regel(s) met fouten; er is niets ingelezen.")
        if not plan.lines:
            raise CommandError("Het bestand bevat geen sessies; er is niets ingelezen.")
        summary = plan.summary
        if dry_run:
            self.stdout.write(f"Proef: {summary}. Er is niets geschreven.")
            return
        report = apply_import(plan)
        self.stdout.write(
            self.style.SUCCESS(
                f"{summary}; {len(report.published)} actie(s) gepubliceerd, {len(report.drafts)} als concept."
            )
        )
