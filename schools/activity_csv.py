"""Bulk add of activities from a CSV: every line is checked and shown in a preview with its own
errors; only a file without errors can be confirmed, and then all of it is saved in one transaction.

Columns (header row, `;` or `,`): datum;titel;fiche;deelnemers;uren;doelen — `fiche` and `doelen`
may stay empty; datum as dd/mm/jjjj (Excel nl-BE) or jjjj-mm-dd, inside the plan's school year; `doelen` holds goal titles of this plan separated by `|`.
"""

import csv
import datetime as dt
import io
import re
from decimal import Decimal, InvalidOperation

from django.db import transaction

from portal.hygiene import BadInput, parse_id, refuse_bad_text

from .models import Activity
from .offers import known_offer_ids
from .smart import school_year_bounds

DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
COLUMNS = ("datum", "titel", "fiche", "deelnemers", "uren", "doelen")
MAX_BYTES = 512 * 1024
MAX_LINES = 2000


def parse_activities(plan, raw: bytes) -> tuple[list[dict], list[str]]:
    if len(raw) > MAX_BYTES:
        return [], ["Het bestand is te groot (meer dan 512 kB)."]
    try:
        text = refuse_bad_text(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return [], ["Het bestand is geen UTF-8-tekst. Bewaar het als CSV (UTF-8)."]
    except BadInput as exc:
        return [], [str(exc)]
    delimiter = ";" if text.split("\n", 1)[0].count(";") >= text.split("\n", 1)[0].count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip().lower() for name in next(reader, [])]
    missing = [c for c in ("datum", "titel") if c not in header]
    if missing:
        return [], [f"De kolom(men) {', '.join(missing)} ontbreken. Verwacht: {';'.join(COLUMNS)}."]
    goals = {goal.title.strip().lower(): goal for goal in plan.goals.all()}
    bounds = school_year_bounds(plan.school_year)
    rows = []
    for number, cells in enumerate(reader, start=2):
        if number > MAX_LINES + 1:
            return [], [f"Meer dan {MAX_LINES} regels: splits het bestand."]
        if not any(cell.strip() for cell in cells):
            continue
        row = dict(zip(header, (cell.strip() for cell in cells), strict=False))
        parsed = _parse_row(number, row, goals, bounds)
        if len(cells) != len(header):
            parsed["errors"].insert(
                0,
                f"{len(cells)} kolommen in plaats van {len(header)} (scheidingsteken ‘{delimiter}’; "
                "staat er een komma of puntkomma in een titel, zet die dan tussen aanhalingstekens).",
            )
        rows.append(parsed)
    fiches = {row["fiche"] for row in rows if row["fiche"] is not None}
    known = known_offer_ids(fiches)
    for row in rows:
        if row["fiche"] is not None and row["fiche"] not in known:
            row["errors"].append(f"onbekende fiche {row['fiche']}.")
    errors = [f"Regel {row['line']}: {problem}" for row in rows for problem in row["errors"]]
    if not rows:
        errors.append("Het bestand bevat geen activiteiten.")
    return rows, errors


def parse_date(text: str) -> dt.date | None:
    """dd/mm/jjjj (also with - or .), as Excel nl-BE writes it, or ISO jjjj-mm-dd."""
    text = text.strip()
    match = DAY_FIRST.match(text)
    try:
        if match:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        return dt.date.fromisoformat(text) if ISO.match(text) else None
    except ValueError:
        return None


def _parse_row(number: int, row: dict, goals: dict, bounds=None) -> dict:
    """One line as an activity, with the problems of that line in ``errors``."""
    problems = []
    date = parse_date(row.get("datum", ""))
    if date is None:
        problems.append(f"‘{row.get('datum', '')}’ is geen datum (dd/mm/jjjj of jjjj-mm-dd).")
    elif bounds and not (bounds[0] <= date <= bounds[1]):
        problems.append(f"{date:%d/%m/%Y} valt buiten het schooljaar.")
    title = row.get("titel", "")
    if not title:
        problems.append("de titel ontbreekt.")
    fiche = row.get("fiche", "")
    if fiche and parse_id(fiche) is None:
        problems.append(f"fiche ‘{fiche[:20]}’ is geen fiche-nummer.")
        fiche = ""
    participants = row.get("deelnemers", "") or "1"
    if not (participants.isascii() and participants.isdigit()) or len(participants) > 6:
        problems.append(f"‘{participants[:20]}’ deelnemers is geen geheel getal.")
        participants = None
    elif int(participants) < 1:
        problems.append("er is minstens één deelnemer.")
    try:
        hours = Decimal((row.get("uren", "") or "0")[:20].replace(",", "."))
        if not hours.is_finite() or hours < 0 or hours > 10000:
            raise InvalidOperation
    except InvalidOperation:
        problems.append(f"‘{row.get('uren', '')}’ uren is geen geldig aantal.")
        hours = Decimal(0)
    linked = []
    for name in filter(None, (part.strip() for part in row.get("doelen", "").split("|"))):
        if name.lower() in goals:
            linked.append(goals[name.lower()])
        else:
            problems.append(f"het doel ‘{name}’ staat niet in dit plan.")
    return {
        "line": number,
        "date": date,
        "title": title[:200],
        "fiche": int(fiche) if fiche else None,
        "participants": int(participants) if participants is not None else None,
        "hours": hours,
        "goals": linked,
        "errors": problems,
    }


def save_activities(plan, rows: list[dict]) -> int:
    with transaction.atomic():
        for row in rows:
            activity = Activity.objects.create(
                plan=plan,
                date=row["date"],
                title=row["title"],
                fiche=row["fiche"],
                participants=row["participants"],
                hours=row["hours"],
            )
            activity.goals.set(row["goals"])
    return len(rows)
