"""Bulk add of activities from a CSV: every line is checked and shown in a preview with its own
errors; only a file without errors can be confirmed, and then all of it is saved in one transaction.

Columns (header row, `;` or `,`): datum;titel;fiche;deelnemers;uren;doelen — `fiche` and `doelen`
may stay empty; `doelen` holds goal titles of this plan separated by `|`.
"""

import csv
import datetime as dt
import io
from decimal import Decimal, InvalidOperation

from django.db import transaction

from portal.hygiene import BadInput, is_id_text, parse_id, refuse_bad_text

from .models import Activity
from .offers import known_offer_ids

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
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip().lower() for name in (reader.fieldnames or [])]
    missing = [c for c in ("datum", "titel") if c not in header]
    if missing:
        return [], [f"De kolom(men) {', '.join(missing)} ontbreken. Verwacht: {';'.join(COLUMNS)}."]
    goals = {goal.title.strip().lower(): goal for goal in plan.goals.all()}
    rows = []
    for number, raw_row in enumerate(reader, start=2):
        if number > MAX_LINES + 1:
            return [], [f"Meer dan {MAX_LINES} regels: splits het bestand."]
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw_row.items() if isinstance(v, str)}
        if any(row.values()):
            rows.append(_parse_row(number, row, goals))
    fiches = {row["fiche"] for row in rows if row["fiche"] is not None}
    known = known_offer_ids(fiches)
    for row in rows:
        if row["fiche"] is not None and row["fiche"] not in known:
            row["errors"].append(f"onbekende fiche {row['fiche']}.")
    errors = [f"Regel {row['line']}: {problem}" for row in rows for problem in row["errors"]]
    if not rows:
        errors.append("Het bestand bevat geen activiteiten.")
    return rows, errors


def _parse_row(number: int, row: dict, goals: dict) -> dict:
    """One line as an activity, with the problems of that line in ``errors``."""
    problems = []
    try:
        date = dt.date.fromisoformat(row.get("datum", ""))
    except ValueError:
        problems.append(f"‘{row.get('datum', '')}’ is geen datum (jjjj-mm-dd).")
        date = None
    title = row.get("titel", "")
    if not title:
        problems.append("de titel ontbreekt.")
    fiche = row.get("fiche", "")
    if fiche and parse_id(fiche) is None:
        problems.append(f"fiche ‘{fiche[:20]}’ is geen fiche-nummer.")
        fiche = ""
    participants = row.get("deelnemers", "") or "1"
    if not is_id_text(participants) or len(participants) > 6:
        problems.append(f"‘{participants[:20]}’ deelnemers is geen geheel getal (hoogstens 999999).")
        participants = "1"
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
        "participants": int(participants),
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
