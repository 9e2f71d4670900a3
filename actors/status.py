"""An action's status, derived from its sessions, its dates and the editor's "doorlopend aanbod" flag.

This is the only place that decides it. Nothing stores the outcome on the page: the search index
derives it when a page is indexed, and `manage.py refresh_action_status` (run daily) re-indexes the
actions whose status has moved with time since, e.g. when their last session has passed.
"""

import datetime

from django.db.models import Min, Q
from django.utils import timezone
from django.utils.formats import date_format

from .session import ActionSession

UPCOMING = "binnenkort"
SELF_PACED = "doorlopend"
ENDED = "afgelopen"
UNKNOWN = "onbekend"

STATUS_CHOICES = (
    (UPCOMING, "Binnenkort"),
    (SELF_PACED, "Doorlopend aanbod"),
    (ENDED, "Afgelopen"),
    (UNKNOWN, "Onbekend"),
)
STATUS_LABELS = dict(STATUS_CHOICES)


def action_status(action, now: datetime.datetime | None = None, sessions=None) -> str:
    """binnenkort: a session that has not ended yet (or the action starts later); doorlopend: the
    editor marked it self-paced; afgelopen: every session or the action's end date has passed;
    onbekend: nothing to go by."""
    now = now or timezone.now()
    today = timezone.localdate(now) if timezone.is_aware(now) else now.date()
    sessions = [
        s for s in (action.sessions.all() if sessions is None else sessions) if s.status != "geannuleerd"
    ]
    if any(session.ends >= now for session in sessions):
        return UPCOMING
    if action.self_paced:
        return SELF_PACED
    if sessions:  # the sessions are the offer's dates; its own begin/end only count without them
        return ENDED
    if action.start_date and action.start_date > today:
        return UPCOMING
    if action.end_date and action.end_date < today:
        return ENDED
    return UNKNOWN


def period(action, sessions=None) -> tuple[datetime.date | None, datetime.date | None]:
    """The offer's begin and end date: from its sessions (cancelled ones left out) when it has any,
    else the begin and end date the editor gave (an offer without sessions, such as a project)."""
    sessions = [
        s for s in (action.sessions.all() if sessions is None else sessions) if s.status != "geannuleerd"
    ]
    if sessions:
        return (
            timezone.localdate(min(s.start for s in sessions)),
            timezone.localdate(max(s.ends for s in sessions)),
        )
    return action.start_date, action.end_date


def upcoming_sessions(action, now: datetime.datetime | None = None, sessions=None) -> list:
    """The sessions not yet over, cancelled ones included (a visitor should see the cancellation)."""
    now = now or timezone.now()
    sessions = action.sessions.all() if sessions is None else sessions
    return sorted((s for s in sessions if s.ends >= now), key=lambda s: s.start)


def next_session_starts(action_ids, now: datetime.datetime | None = None) -> dict[int, datetime.datetime]:
    """Per action, the start of its first session that is not over and not cancelled (one query, for
    the result cards of a page of hits)."""
    now = now or timezone.now()
    rows = (
        ActionSession.objects.filter(action_id__in=action_ids)
        .exclude(status="geannuleerd")
        .filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now))
        .order_by()
        .values("action_id")
        .annotate(first=Min("start"))
    )
    return {row["action_id"]: row["first"] for row in rows}


def next_sessions(action_ids, now: datetime.datetime | None = None) -> dict[int, object]:
    """Per action, its first session that is not over and not cancelled (one query)."""
    now = now or timezone.now()
    sessions = (
        ActionSession.objects.filter(action_id__in=action_ids)
        .exclude(status="geannuleerd")
        .filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now))
        .order_by("start", "pk")
    )
    first: dict[int, object] = {}
    for session in sessions:
        first.setdefault(session.action_id, session)
    return first


def session_summary(session) -> str:
    """ "4 maart 2031 · Online · gratis · volzet": what a result card says of the next session."""
    parts = [date_format(timezone.localtime(session.start), "j F Y"), session.place_label]
    parts.append("gratis" if session.is_free else f"€ {session.price:.2f}".replace(".", ","))
    if session.status == "volzet":
        parts.append("volzet")
    return " · ".join(part for part in parts if part)
