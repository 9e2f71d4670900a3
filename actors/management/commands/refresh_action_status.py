"""Re-index the actions whose derived status has changed with time (a session passed, a start date came).

The status facet is derived when a page is indexed (actors/status.py); publishing keeps it right, but
time does not publish anything. Run this daily (cron, systemd timer): it only touches what changed.
"""

from django.core.management.base import BaseCommand

from actors.models import ActionPage
from actors.status import action_status
from search.indexing import index_pages, live_fiches
from search.models import SearchFacetValue


def stale_actions() -> list:
    indexed = dict(SearchFacetValue.objects.filter(facet="status").values_list("document_id", "value"))
    return [
        page
        for page in live_fiches(ActionPage)
        if page.pk in indexed and indexed[page.pk] != action_status(page)
    ]


class Command(BaseCommand):
    help = "Werk de afgeleide status van acties bij in de zoekindex (dagelijks uitvoeren)."

    def handle(self, *args, **options):
        stale = stale_actions()
        count = index_pages(stale) if stale else 0
        self.stdout.write(f"{count} acties met een gewijzigde status opnieuw geïndexeerd.")
