from django.core.management import call_command
from django.core.management.base import BaseCommand

from search.indexing import rebuild
from search.models import SearchDocument
from search.service import elasticsearch_backend


class Command(BaseCommand):
    help = (
        "Rebuild everything search needs: the portal's search index (database, and Elasticsearch when "
        "ELASTICSEARCH_URL is set) and Wagtail's own index used by the admin."
    )

    def add_arguments(self, parser):
        parser.add_argument("--skip-wagtail", action="store_true", help="leave Wagtail's admin index alone")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="only when the portal's index is empty (a quick start-up check)",
        )

    def handle(self, *args, skip_wagtail=False, if_empty=False, **options):
        if if_empty and SearchDocument.objects.exists():
            self.stdout.write("Zoekindex is al gevuld; niets te doen.")
            return
        total = rebuild(progress=lambda line: self.stdout.write(f"  {line}"))
        self.stdout.write(self.style.SUCCESS(f"Zoekindex (databank): {total} fiches geïndexeerd."))
        backend = elasticsearch_backend()
        if backend is not None:
            count = backend.rebuild(progress=lambda line: self.stdout.write(f"  {line}"))
            self.stdout.write(self.style.SUCCESS(f"Zoekindex (Elasticsearch): {count} fiches geïndexeerd."))
        if not skip_wagtail:
            self.stdout.write("Wagtail-index voor de beheeromgeving:")
            call_command("wagtail_update_index", stdout=self.stdout, verbosity=options.get("verbosity", 1))
