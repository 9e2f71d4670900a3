"""/agenda/ and its iCalendar feeds: the coming sessions of the actions a search finds.

Which actions: `search.service.search` decides, with the same facets and parameters as /zoeken/
(type fixed to actions, status to "binnenkort"), so the agenda never filters pages on its own.
Which sessions: those of the found actions that have not ended yet, soonest first.
"""

import itertools
from dataclasses import replace

from django.db.models import Q
from django.utils import timezone

from discovery.exports import all_hits
from search import SearchParams, parse, search

from .session import ActionSession
from .status import UPCOMING

MAX_SESSIONS = 500  # one page of agenda; the feed carries the same
FIXED_FACETS = ("type", "status")


def agenda_params(query_dict) -> SearchParams:
    return agenda_params_from(parse(query_dict))


def agenda_params_from(params: SearchParams) -> SearchParams:
    """A search narrowed to actions with a coming session (any page or sort is irrelevant here)."""
    filters = {**params.filters, "type": ("actie",), "status": (UPCOMING,)}
    return replace(params, filters=filters, page=1)


def upcoming_sessions(params: SearchParams, now=None) -> list[ActionSession]:
    now = now or timezone.now()
    action_ids = [hit.id for hit in all_hits(params)]
    return list(
        ActionSession.objects.filter(action_id__in=action_ids)
        .filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now))
        .select_related("action")
        .order_by("start", "action__title", "pk")[:MAX_SESSIONS]
    )


def by_month(sessions: list[ActionSession]) -> list[tuple]:
    """[(first day of the month, [sessions])] in order."""

    def month(session):
        local = timezone.localtime(session.start)
        return local.date().replace(day=1)

    return [(first, list(group)) for first, group in itertools.groupby(sessions, key=month)]


def facets_result(params: SearchParams):
    """The facet counts for the filters beside the agenda (of actions with a coming session)."""
    return search(replace(params, page_size=1))
