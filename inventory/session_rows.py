"""One session as plain data: the format shared by the inventory files (`sessions:` of an action) and
the bulk import (`manage.py import_sessions`, admin upload). Keys follow schema.org where it has one.

    identifier               the provider's own id of the session (the bulk import matches on it)
    startDate, endDate       ISO 8601, e.g. 2026-03-05T14:00 (Belgian time unless an offset is given)
    courseMode               online | onsite | blended
    location                 address or town (required unless courseMode is online)
    inLanguage               nl | en | fr | de (default nl)
    price                    euro, 0 or empty is free
    maximumAttendeeCapacity  number of seats
    url                      registration link
    status                   open | volzet | geannuleerd (default open)
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone

from actors.session import ActionSession, CourseMode, SessionLanguage, SessionStatus

KEYS = [
    "identifier",
    "startDate",
    "endDate",
    "courseMode",
    "location",
    "inLanguage",
    "price",
    "maximumAttendeeCapacity",
    "url",
    "status",
]
COURSE_MODES = tuple(CourseMode.values)
# field values that make up a session, in the order they are compared and stored
FIELDS = [
    "identifier",
    "start",
    "end",
    "course_mode",
    "location",
    "language",
    "price",
    "seats",
    "registration_url",
    "status",
]


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _datetime(value, key: str, errors: list[str]) -> datetime.datetime | None:
    if _blank(value):
        return None
    if isinstance(value, datetime.datetime):
        parsed = value
    else:
        try:
            parsed = datetime.datetime.fromisoformat(str(value).strip())
        except ValueError:
            errors.append(f"'{key}' is geen datum en tijd van de vorm JJJJ-MM-DDTUU:MM: '{value}'")
            return None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


def parse_session(data) -> tuple[dict, list[str]]:
    """Validated field values for an ActionSession (see FIELDS), and the problems in Dutch."""
    errors: list[str] = []
    if not isinstance(data, dict):
        return {}, ["een sessie moet sleutels en waarden hebben"]
    unknown = sorted(set(data) - set(KEYS) - {"action"})
    errors += [f"onbekende kolom '{key}'" for key in unknown]
    values: dict = {"identifier": "" if _blank(data.get("identifier")) else str(data["identifier"]).strip()}
    if len(values["identifier"]) > 100:
        errors.append("'identifier' is langer dan 100 tekens")
    values["start"] = _datetime(data.get("startDate"), "startDate", errors)
    if values["start"] is None and not any("startDate" in e for e in errors):
        errors.append("'startDate' ontbreekt")
    values["end"] = _datetime(data.get("endDate"), "endDate", errors)
    if values["start"] and values["end"] and values["end"] < values["start"]:
        errors.append("'endDate' ligt vóór 'startDate'")
    mode = "onsite" if _blank(data.get("courseMode")) else str(data["courseMode"]).strip().lower()
    if mode not in COURSE_MODES:
        errors.append(f"'courseMode' moet {', '.join(COURSE_MODES)} zijn, niet '{data['courseMode']}'")
    values["course_mode"] = mode
    values["location"] = "" if _blank(data.get("location")) else str(data["location"]).strip()[:255]
    if mode != "online" and not values["location"]:
        errors.append("'location' ontbreekt (of zet 'courseMode' op online)")
    language = "nl" if _blank(data.get("inLanguage")) else str(data["inLanguage"]).strip().lower()
    if language not in SessionLanguage.values:
        errors.append(f"'inLanguage' moet {', '.join(SessionLanguage.values)} zijn, niet '{language}'")
    values["language"] = language
    values["price"] = None
    if not _blank(data.get("price")):
        try:
            price = Decimal(str(data["price"]).strip().replace(",", "."))
            if price < 0 or price >= 1_000_000:
                raise InvalidOperation
            values["price"] = price.quantize(Decimal("0.01"))
        except InvalidOperation:
            errors.append(f"'price' is geen bedrag: '{data['price']}'")
    values["seats"] = None
    if not _blank(data.get("maximumAttendeeCapacity")):
        try:
            seats = int(str(data["maximumAttendeeCapacity"]).strip())
            if seats < 0:
                raise ValueError
            values["seats"] = seats
        except ValueError:
            errors.append(f"'maximumAttendeeCapacity' is geen aantal: '{data['maximumAttendeeCapacity']}'")
    values["registration_url"] = "" if _blank(data.get("url")) else str(data["url"]).strip()
    if values["registration_url"]:
        try:
            URLValidator(schemes=["http", "https"])(values["registration_url"])
        except ValidationError:
            errors.append(f"'url' is geen webadres: '{values['registration_url']}'")
    status = "open" if _blank(data.get("status")) else str(data["status"]).strip().lower()
    if status not in SessionStatus.values:
        errors.append(f"'status' moet {', '.join(SessionStatus.values)} zijn, niet '{status}'")
    values["status"] = status
    return values, errors


def session_from(values: dict, sort_order: int = 0) -> ActionSession:
    return ActionSession(sort_order=sort_order, **values)


def session_values(session: ActionSession) -> dict:
    """A stored session as the values parse_session gives, for comparison (idempotent imports)."""
    return {name: getattr(session, name) for name in FIELDS}


def session_data(session: ActionSession) -> dict:
    """A session in the file format (the inverse of parse_session), for the inventory export."""
    return {
        "identifier": session.identifier or None,
        "startDate": _iso(session.start),
        "endDate": _iso(session.end),
        "courseMode": session.course_mode,
        "location": session.location or None,
        "inLanguage": session.language,
        "price": str(session.price) if session.price is not None else None,
        "maximumAttendeeCapacity": session.seats,
        "url": session.registration_url or None,
        "status": session.status,
    }


def _iso(value: datetime.datetime | None) -> str | None:
    return timezone.localtime(value).isoformat(timespec="minutes") if value else None
