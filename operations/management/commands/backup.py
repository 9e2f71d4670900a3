from django.core.management.base import BaseCommand, CommandError

from operations.backups import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded media into a new folder (see docs/deployment.md, Backups)."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a new or empty folder")

    def handle(self, folder, **options):
        try:
            manifest = backup(folder)
        except BackupError as exc:
            raise CommandError(f"{exc} Er is geen back-up gemaakt.") from exc
        media = " en de media" if manifest["media"] else ""
        self.stdout.write(
            self.style.SUCCESS(f"Back-up van de {manifest['engine']}-database{media} in {folder}.")
        )
