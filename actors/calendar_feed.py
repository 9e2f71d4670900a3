"""Sessions as an iCalendar (RFC 5545) calendar, for agenda apps that subscribe to /agenda.ics."""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Leerkr@cht.net//Agenda//NL"


def calendar_for(request, sessions) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Leerkr@cht.net: agenda")
    calendar.add("x-wr-timezone", "Europe/Brussels")
    host = request.get_host().split(":")[0]
    stamp = timezone.now().replace(microsecond=0)
    for session in sessions:
        calendar.add_component(_event(request, session, host, stamp))
    return calendar


def _event(request, session, host: str, stamp) -> Event:
    action = session.action
    event = Event()
    event.add("uid", f"sessie-{session.pk}@{host}")
    event.add("dtstamp", stamp)
    event.add("dtstart", session.start)
    event.add("dtend", session.end or session.start + datetime.timedelta(hours=1))
    cancelled = session.status == "geannuleerd"
    title = f"{action.title} (geannuleerd)" if cancelled else action.title
    event.add("summary", title)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if session.place_label:
        event.add("location", session.place_label)
    path = action.get_url(request)
    url = request.build_absolute_uri(path) if path else ""
    if url:
        event.add("url", url)
    lines = [action.summary]
    if session.status == "volzet":
        lines.append("Deze sessie is volzet.")
    elif session.effective_registration_url and not cancelled:
        lines.append(f"Inschrijven: {session.effective_registration_url}")
    lines.append("Prijs: gratis" if session.is_free else f"Prijs: € {session.price}")
    if url:
        lines.append(f"Meer info: {url}")
    event.add("description", "\n".join(line for line in lines if line))
    return event
