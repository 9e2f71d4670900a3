"""Check every inventory entry before anything is written; collect all problems at once."""

import datetime
import re

from actors.action import Cost
from portal.swot import QUADRANT_KEYS
from portal.taxonomy import DigCompEduArea, DigCompEduCompetence

from .files import Entry
from .schema import KINDS
from .session_rows import parse_session

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SOURCE = re.compile(r"^(B\.\d+(\.\d+)*|\d+(\.\d+)+)$")


def validate(entries: dict[str, list[Entry]]) -> list[str]:
    known_codes = _known_codes()
    slugs = {kind.name: {entry.slug for entry in entries[kind.name]} for kind in KINDS}
    errors: list[str] = []
    for kind in KINDS:
        seen: set[str] = set()
        for entry in entries[kind.name]:
            problems = _check_entry(entry, known_codes, slugs)
            if entry.slug in seen:
                problems.append(f"dubbele slug '{entry.slug}'")
            seen.add(entry.slug)
            errors += [f"{entry.label}: {problem}" for problem in problems]
    return errors


def _known_codes() -> dict[str, set[str]]:
    codes = {"digcompedu": set(DigCompEduArea.objects.values_list("code", flat=True))}
    codes["digcompedu"] |= set(DigCompEduCompetence.objects.values_list("code", flat=True))
    for kind in KINDS:
        for key, (_field, model) in kind.taxonomy_keys.items():
            codes[key] = set(model.objects.values_list("code", flat=True))
    return codes


def _check_entry(entry: Entry, known_codes, slugs) -> list[str]:
    kind, data = entry.kind, entry.data
    problems = [f"onbekende sleutel '{key}'" for key in sorted(set(data) - kind.allowed_keys)]
    for key in kind.required:
        if key not in data:
            problems.append(f"verplicht veld '{key}' ontbreekt")
        elif key != "source" and not data[key]:
            problems.append(f"verplicht veld '{key}' is leeg")
    if data.get("slug") and not SLUG.match(str(data["slug"])):
        problems.append(f"slug '{data['slug']}' mag alleen kleine letters, cijfers en streepjes bevatten")
    if data.get("title") and len(str(data["title"])) > 255:
        problems.append("titel is langer dan 255 tekens")
    if data.get("source") and not SOURCE.match(str(data["source"])):
        problems.append(
            f"bronverwijzing '{data['source']}' is geen hoofdstuk of fiche (bv. 'B.6.14' of '4.2.3')"
        )
    problems += _check_taxonomy(entry, known_codes)
    problems += _check_links(entry, slugs)
    problems += _check_values(entry)
    if kind.has_swot:
        problems += _check_swot(data.get("swot"))
    if kind.has_sessions:
        problems += _check_sessions(data.get("sessions"))
    return problems


def _check_sessions(sessions) -> list[str]:
    if sessions is None:
        return []
    if not isinstance(sessions, list):
        return ["'sessions' moet een lijst van sessies zijn"]
    problems, identifiers = [], set()
    for number, session in enumerate(sessions, start=1):
        values, errors = parse_session(session)
        problems += [f"sessie {number}: {error}" for error in errors]
        if values.get("identifier"):
            if values["identifier"] in identifiers:
                problems.append(f"sessie {number}: dubbele identifier '{values['identifier']}'")
            identifiers.add(values["identifier"])
    return problems


def _codes(data: dict, key: str) -> list:
    value = data.get(key)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _check_taxonomy(entry: Entry, known_codes) -> list[str]:
    problems = []
    for key in ["digcompedu", *entry.kind.taxonomy_keys]:
        if entry.data.get(key) is not None and not isinstance(entry.data[key], list):
            problems.append(f"'{key}' moet een lijst zijn")
            continue
        for code in _codes(entry.data, key):
            if str(code) not in known_codes[key]:
                problems.append(f"onbekende code '{code}' in '{key}'")
    if entry.kind.needs_classification:
        for key in ("digcompedu", "pijlers"):
            if not _codes(entry.data, key):
                problems.append(f"minstens één code nodig in '{key}'")
    tags = entry.data.get("tags")
    if tags is not None and not (
        isinstance(tags, list) and all(isinstance(t, str) and t.strip() for t in tags)
    ):
        problems.append("'tags' moet een lijst van woorden zijn")
    return problems


def _check_links(entry: Entry, slugs) -> list[str]:
    problems = []
    for key, target_kind in entry.kind.link_keys.items():
        for slug in _codes(entry.data, key):
            if slug not in slugs[target_kind]:
                problems.append(f"'{key}' verwijst naar onbekende {target_kind}-slug '{slug}'")
    return problems


def _check_values(entry: Entry) -> list[str]:
    data, problems = entry.data, []
    for key in ("last_reviewed", "start_date", "end_date"):
        value = data.get(key)
        if value is not None and not isinstance(value, datetime.date):
            try:
                datetime.date.fromisoformat(str(value))
            except ValueError:
                problems.append(f"'{key}' is geen datum van de vorm JJJJ-MM-DD: '{value}'")
    if data.get("cost") is not None and data["cost"] not in Cost.values:
        problems.append(f"'cost' moet {' of '.join(Cost.values)} zijn, niet '{data['cost']}'")
    if "status" in data and entry.kind.has_sessions:
        problems.append("'status' bestaat niet meer: de status volgt uit 'sessions', de data en 'doorlopend'")
    for key in ("from_report", "voor_leerlingen", "doorlopend"):
        if data.get(key) is not None and not isinstance(data[key], bool):
            problems.append(f"'{key}' moet true of false zijn")
    for key in entry.kind.text_fields:
        if data.get(key) is not None and not isinstance(data[key], (str, int, float)):
            problems.append(f"'{key}' moet tekst zijn")
    return problems


def _check_swot(swot) -> list[str]:
    if swot is None:
        return []
    if not isinstance(swot, dict):
        return ["'swot' moet de vier kwadranten bevatten"]
    problems = [f"onbekend SWOT-kwadrant '{key}'" for key in sorted(set(swot) - set(QUADRANT_KEYS))]
    for key in QUADRANT_KEYS:
        points = swot.get(key)
        if points is None:
            continue
        if not isinstance(points, list) or not all(isinstance(p, str) and p.strip() for p in points):
            problems.append(f"SWOT-kwadrant '{key}' moet een lijst van punten zijn")
    return problems
