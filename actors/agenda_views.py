"""The agenda's views: thin, they call actors.agenda and render."""

from dataclasses import replace
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from discovery import presenters

from . import agenda
from .calendar_feed import calendar_for
from .provinces import PROVINCES


@require_GET
def agenda_page(request):
    params = agenda.agenda_params(request.GET)
    if request.GET.get("format") == "ics":
        return ics_response(request, params)
    filters = agenda.SessionFilters.from_query(request.GET)
    sessions = agenda.upcoming_sessions(params, filters=filters)
    result = agenda.facets_result(params)
    # Links and chips carry only the visitor's own filters; the fixed ones are added again on arrival.
    visible = replace(
        params, filters={k: v for k, v in params.filters.items() if k not in agenda.FIXED_FACETS}
    )
    context = presenters.page_context(
        request, visible, result, path="/agenda/", hidden_facets=agenda.FIXED_FACETS
    )
    query = _own_query(params, filters)
    context.update(
        {
            "session_filters": filters,
            "periods": agenda.PERIODS,
            "provinces": PROVINCES,
            "session_chips": [
                (label, "/agenda/?" + _own_query(params, filters, without=name))
                for label, name in filters.chips()
            ],
            "months": agenda.by_month(sessions),
            "session_count": len(sessions),
            "limited": len(sessions) >= agenda.MAX_SESSIONS,
            "ics_url": "/agenda.ics" + (f"?{query}" if query else ""),
            "clear_url": "/agenda/" + (f"?{urlencode({'q': params.q})}" if params.q else ""),
        }
    )
    return render(request, "actors/agenda.html", context)


@require_GET
def agenda_ics(request):
    return ics_response(request, agenda.agenda_params(request.GET))


def ics_response(request, params):
    """Any search's coming sessions as iCalendar (also /zoeken/?...&format=ics, registered in apps.py)."""
    params = agenda.agenda_params_from(params)
    sessions = agenda.upcoming_sessions(params, filters=agenda.SessionFilters.from_query(request.GET))
    response = HttpResponse(
        calendar_for(request, sessions).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="leerkracht-agenda.ics"'
    return response


NO_SESSION_FILTERS = agenda.SessionFilters()


def _own_query(params, filters=NO_SESSION_FILTERS, without: str = "") -> str:
    """The visitor's own filters (not the fixed type and status) as a query string."""
    items = [
        (name, value)
        for name, value in params.query_items(include_page=False)
        if name not in agenda.FIXED_FACETS
    ]
    items += [(name, value) for name, value in filters.query_items() if name != without]
    return urlencode(items)
