"""/agenda/ and its iCalendar feeds: the coming sessions of the actions a search finds.

Which actions: `search.service.search` decides, with the same facets and parameters as /zoeken/
(type fixed to actions, status to "binnenkort"), so the agenda never filters pages on its own.
Which sessions: those of the found actions that have not ended yet, soonest first.
"""

import datetime
import itertools
from dataclasses import dataclass, replace

from django.db.models import Q
from django.utils import timezone

from discovery.exports import all_hits
from portal.public import public
from search import SearchParams, parse, search

from .action import ActionPage
from .provinces import PROVINCE_LABELS, province_of
from .session import ActionSession, CourseMode
from .status import UPCOMING

MAX_SESSIONS = 500  # one page of agenda; the feed carries the same
FIXED_FACETS = ("type", "status")


def agenda_params(query_dict) -> SearchParams:
    return agenda_params_from(parse(query_dict))


def agenda_params_from(params: SearchParams) -> SearchParams:
    """A search narrowed to actions with a coming session (any page or sort is irrelevant here)."""
    filters = {**params.filters, "type": ("actie",), "status": (UPCOMING,)}
    return replace(params, filters=filters, page=1)


PERIODS = {"week": "Deze week", "maand": "Deze maand"}


@dataclass(frozen=True)
class SessionFilters:
    """The agenda's own filters on sessions (beside the search's filters on offers): when, online,
    free, province. Unknown values are ignored, as the search ignores unknown facet values."""

    period: str = ""  # week | maand
    online: bool = False
    free: bool = False
    province: str = ""

    @classmethod
    def from_query(cls, query) -> "SessionFilters":
        period = query.get("wanneer", "")
        province = query.get("provincie", "")
        return cls(
            period=period if period in PERIODS else "",
            online=query.get("online") == "ja",
            free=query.get("prijs") == "gratis",
            province=province if province in PROVINCE_LABELS else "",
        )

    def query_items(self) -> list[tuple[str, str]]:
        items = [("wanneer", self.period)] if self.period else []
        items += [("online", "ja")] if self.online else []
        items += [("prijs", "gratis")] if self.free else []
        return items + ([("provincie", self.province)] if self.province else [])

    def chips(self) -> list[tuple[str, str]]:
        """[(label, parameter)] of the active filters, for chips that remove them."""
        chips = [(PERIODS[self.period], "wanneer")] if self.period else []
        chips += [("Online", "online")] if self.online else []
        chips += [("Gratis", "prijs")] if self.free else []
        return chips + ([(PROVINCE_LABELS[self.province], "provincie")] if self.province else [])

    def period_end(self, now: datetime.datetime) -> datetime.datetime | None:
        today = timezone.localtime(now).date()
        if self.period == "week":
            last = today + datetime.timedelta(days=6 - today.weekday())  # through Sunday
        elif self.period == "maand":
            next_month = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
            last = next_month - datetime.timedelta(days=1)
        else:
            return None
        return timezone.make_aware(
            datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time())
        )

    def narrow(self, sessions, now: datetime.datetime):
        end = self.period_end(now)
        if end is not None:
            sessions = sessions.filter(start__lt=end)
        if self.online:
            sessions = sessions.filter(course_mode__in=[CourseMode.ONLINE, CourseMode.BLENDED])
        if self.free:
            sessions = sessions.filter(Q(price__isnull=True) | Q(price=0))
        return sessions


def upcoming_sessions(params: SearchParams, now=None, filters: SessionFilters = SessionFilters()):
    now = now or timezone.now()
    action_ids = [hit.id for hit in all_hits(params)]
    sessions = filters.narrow(
        ActionSession.objects.filter(action_id__in=action_ids).filter(
            Q(end__gte=now) | Q(end__isnull=True, start__gte=now)
        ),
        now,
    )
    sessions = sessions.select_related("action").order_by("start", "action__title", "pk")
    if filters.province:  # read from the place's text, so in Python
        found = (
            s for s in sessions.iterator() if not s.online and province_of(s.location) == filters.province
        )
        return list(itertools.islice(found, MAX_SESSIONS))
    return list(sessions[:MAX_SESSIONS])


def starting_soon(limit: int = 4, now=None) -> list[ActionSession]:
    """For the home page: the first coming session of each of the offers that start soonest (live and
    public offers, cancelled sessions left out). None when there are none: never old offers."""
    now = now or timezone.now()
    offers = public(ActionPage.objects.live()).values("pk")
    sessions = (
        ActionSession.objects.filter(action_id__in=offers, start__gte=now)
        .exclude(status="geannuleerd")
        .select_related("action")
        .order_by("start", "pk")
    )
    first: dict[int, ActionSession] = {}
    for session in sessions[: limit * 10]:
        first.setdefault(session.action_id, session)
        if len(first) == limit:
            break
    return list(first.values())


def by_month(sessions: list[ActionSession]) -> list[tuple]:
    """[(first day of the month, [sessions])] in order."""

    def month(session):
        local = timezone.localtime(session.start)
        return local.date().replace(day=1)

    return [(first, list(group)) for first, group in itertools.groupby(sessions, key=month)]


def facets_result(params: SearchParams):
    """The facet counts for the filters beside the agenda (of actions with a coming session)."""
    return search(replace(params, page_size=1))
