from django.core.management.base import BaseCommand

from portal.site_tree import ensure_site_tree


class Command(BaseCommand):
    help = "Create the home page and the section index pages when they are missing (idempotent)."

    def handle(self, *args, **options):
        tree = ensure_site_tree()
        for page in [tree.home, *tree.sections.values()]:
            self.stdout.write(f"  {page.url_path:<30} {page.title}")
        self.stdout.write(self.style.SUCCESS("Site tree ready."))
