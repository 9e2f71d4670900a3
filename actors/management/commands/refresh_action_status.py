"""Re-index the actions whose derived status has changed with time (a session passed, a start date came).

The status facet is derived when a page is indexed (actors/status.py); publishing keeps it right, but
time does not publish anything. Run this daily (cron, systemd timer): it only touches what changed.
"""

from django.core.management.base import BaseCommand

from actors.models import ActionPage
from actors.status import action_status
from search import documents, index


def stale_actions() -> list:
    kind = ActionPage.search_kind
    indexed = {
        document.id: document.values.get("status", ("",))[0]
        for document in documents(filters={"type": (kind,)}, with_values=("status",))
    }
    return [
        page
        for page in ActionPage.objects.live().public().prefetch_related("sessions")
        if page.pk in indexed and indexed[page.pk] != action_status(page)
    ]


class Command(BaseCommand):
    help = "Werk de afgeleide status van acties bij in de zoekindex (dagelijks uitvoeren)."

    def handle(self, *args, **options):
        stale = stale_actions()
        count = index(stale) if stale else 0
        self.stdout.write(f"{count} acties met een gewijzigde status opnieuw geïndexeerd.")
