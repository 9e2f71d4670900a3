"""A feed's text as harvested sessions: each one the session's fields in the documented session format
(inventory/session_rows.py, schema.org names) plus what identifies its offer (URL, title, slug).

iCalendar is read with `icalendar`; JSON-LD from the page's <script type="application/ld+json">
blocks with the standard library (schema.org Course with hasCourseInstance, CourseInstance, Event);
CSV in the session import's format (its `action` column is the offer's slug)."""

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from html.parser import HTMLParser

from icalendar import Calendar

from inventory.session_import import SessionImportError, read_rows


class ParseError(Exception):
    """The feed's content cannot be read; the message says why, in Dutch."""


@dataclass
class Item:
    identifier: str  # the provider's own id of the session (UID, @id, identifier)
    row: dict  # the session in the session format (startDate, location, …)
    title: str = ""  # the offer's name as the provider calls it
    urls: list[str] = field(default_factory=list)  # the offer's or the session's page
    slug: str = ""  # CSV: the offer's slug on the portal


def short_id(value: str) -> str:
    value = str(value).strip()
    return value if len(value) <= 100 else "h:" + hashlib.sha256(value.encode()).hexdigest()[:60]


def parse(kind: str, text: str) -> list[Item]:
    return {"ical": parse_ical, "jsonld": parse_jsonld, "csv": parse_csv}[kind](text)


# --- iCalendar ---


def _iso(value) -> str:
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.date):
        return datetime.datetime.combine(value, datetime.time(9, 0)).isoformat()
    return ""


def parse_ical(text: str) -> list[Item]:
    try:
        calendar = Calendar.from_ical(text)
    except (ValueError, IndexError, KeyError) as exc:
        raise ParseError(f"Dit is geen geldig iCalendar-bestand ({exc}).") from exc
    if calendar.name != "VCALENDAR":
        raise ParseError("Dit is geen iCalendar-bestand (geen VCALENDAR).")
    items = []
    for event in calendar.walk("VEVENT"):
        start = event.get("DTSTART")
        end = event.get("DTEND")
        location = str(event.get("LOCATION", "") or "")
        url = str(event.get("URL", "") or "")
        online = not location or location.lower() in ("online", "webinar")
        status = str(event.get("STATUS", "") or "").upper()
        items.append(
            Item(
                identifier=short_id(
                    event.get("UID") or f"{event.get('SUMMARY')}-{_iso(start.dt) if start else ''}"
                ),
                title=str(event.get("SUMMARY", "") or ""),
                urls=[url] if url else [],
                row={
                    "startDate": _iso(start.dt) if start else "",
                    "endDate": _iso(end.dt) if end else "",
                    "courseMode": "online" if online else "onsite",
                    "location": "" if online else location,
                    "url": url,
                    "status": "geannuleerd" if status == "CANCELLED" else "open",
                },
            )
        )
    return items


# --- JSON-LD ---


class _ScriptCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "script" and (dict(attrs).get("type") or "").lower() == "application/ld+json":
            self._inside = True
            self.blocks.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.blocks[-1] += data


def _nodes(data):
    """Every JSON object in a JSON-LD document, @graph and nesting included."""
    if isinstance(data, list):
        for entry in data:
            yield from _nodes(entry)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "itemListElement", "item"):
            if key in data:
                yield from _nodes(data[key])


def _types(node) -> set[str]:
    kinds = node.get("@type", [])
    return {str(kind).split("/")[-1] for kind in (kinds if isinstance(kinds, list) else [kinds])}


def _first(value):
    return value[0] if isinstance(value, list) and value else value


def _place(location) -> tuple[str, str]:
    """(courseMode, location text) from a schema.org location."""
    location = _first(location)
    if isinstance(location, str):
        return ("online", "") if location.lower() == "online" else ("onsite", location)
    if not isinstance(location, dict):
        return "online", ""
    if "VirtualLocation" in _types(location):
        return "online", ""
    address = location.get("address")
    if isinstance(address, dict):
        parts = [address.get(k, "") for k in ("streetAddress", "postalCode", "addressLocality")]
        address = " ".join(str(p) for p in parts if p)
    text = ", ".join(str(p) for p in (location.get("name"), address) if p)
    return "onsite", text


def _session(node, course: dict | None) -> Item:
    mode, location = _place(node.get("location"))
    declared_mode = str(node.get("courseMode") or "").lower()
    if declared_mode in ("online", "onsite", "blended"):
        mode = declared_mode
    offer = _first(node.get("offers")) or {}
    price = offer.get("price", "") if isinstance(offer, dict) else ""
    url = str(node.get("url") or (offer.get("url", "") if isinstance(offer, dict) else ""))
    status = str(node.get("eventStatus") or "")
    availability = str(offer.get("availability", "")) if isinstance(offer, dict) else ""
    course = course or {}
    title = str(course.get("name") or node.get("name") or "")
    language = str(node.get("inLanguage") or course.get("inLanguage") or "nl")[:2].lower()
    identifier = node.get("identifier") or node.get("@id") or f"{title}-{node.get('startDate')}"
    return Item(
        identifier=short_id(
            _first(identifier) if not isinstance(identifier, dict) else identifier.get("value")
        ),
        title=title,
        urls=[u for u in (str(course.get("url") or ""), url) if u],
        row={
            "startDate": str(node.get("startDate") or ""),
            "endDate": str(node.get("endDate") or ""),
            "courseMode": mode,
            "location": location,
            "inLanguage": language,
            "price": str(price),
            "url": url,
            "status": "geannuleerd"
            if "Cancelled" in status
            else ("volzet" if "SoldOut" in availability else "open"),
        },
    )


def parse_jsonld(text: str) -> list[Item]:
    collector = _ScriptCollector()
    collector.feed(text)
    if not collector.blocks:
        raise ParseError('De pagina bevat geen schema.org-gegevens (<script type="application/ld+json">).')
    items = []
    for number, block in enumerate(collector.blocks, start=1):
        try:
            data = json.loads(block)
        except json.JSONDecodeError as exc:
            raise ParseError(f"JSON-LD-blok {number} is ongeldig (regel {exc.lineno}): {exc.msg}.") from exc
        for node in _nodes(data):
            kinds = _types(node)
            if "Course" in kinds:
                for instance in node.get("hasCourseInstance") or []:
                    if isinstance(instance, dict):
                        items.append(_session(instance, node))
            elif kinds & {"CourseInstance", "Event", "EducationEvent"} and node.get("startDate"):
                items.append(_session(node, None))
    return items


# --- CSV in the session format ---


def parse_csv(text: str) -> list[Item]:
    try:
        rows = read_rows(text.encode("utf-8"), "bron.csv")
    except SessionImportError as exc:
        raise ParseError(str(exc)) from exc
    items = []
    for _number, row in rows:
        if not isinstance(row, dict):
            continue
        row = dict(row)
        slug = str(row.pop("action", "") or "").strip()
        row.pop("__extra__", None)
        identifier = str(row.get("identifier") or "")
        items.append(Item(identifier=short_id(identifier), row=row, slug=slug))
    return items
