from django.core.management.base import BaseCommand, CommandError

from operations.backups import BackupError, read_manifest, restore


class Command(BaseCommand):
    help = "Replace the database and the uploaded media with a backup made by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a folder written by manage.py backup")
        parser.add_argument("--noinput", action="store_true", help="do not ask for confirmation")

    def handle(self, folder, noinput, **options):
        try:
            manifest = read_manifest(folder)
        except BackupError as exc:
            raise CommandError(f"{exc} Er is niets veranderd.") from exc
        if not noinput:
            answer = input(
                f"De back-up van {manifest['created']} vervangt de hele database en alle media. "
                "Typ 'ja' om verder te gaan: "
            )
            if answer.strip().lower() != "ja":
                raise CommandError("Afgebroken: er is niets veranderd.")
        try:
            restore(folder)
        except BackupError as exc:
            # pg_restore runs in one transaction and SQLite's backup copy is one write: a failure rolls
            # back, and the media are only replaced after the database succeeded.
            raise CommandError(f"{exc} Er is niets veranderd.") from exc
        self.stdout.write(self.style.SUCCESS(f"Teruggezet: de back-up van {manifest['created']}."))
