"""What the offer adds to pages of the apps below it: the home page's "Start binnenkort"."""

from django.utils import timezone
from wagtail import hooks

from portal.pages import HOME_PAGE_CONTEXT_HOOK
from search import cached_per_index_version as cached

from .agenda import starting_soon


def _card(session) -> dict:
    return {
        "title": session.action.title,
        "url": session.action.url,
        "start": session.start,
        "place_label": session.place_label,
        "is_free": session.is_free,
        "price": session.price,
        "status": session.status,
    }


@hooks.register(HOME_PAGE_CONTEXT_HOOK)
def home_page_sessions(page, request) -> dict:
    # Kept per index version (a publish renews it) and per hour (a session that started drops off).
    now = timezone.now()
    cards = cached(
        "starting-soon", [now.strftime("%Y%m%d%H")], lambda: [_card(s) for s in starting_soon(now=now)]
    )
    return {"starting_soon": cards}
