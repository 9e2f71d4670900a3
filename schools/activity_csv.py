"""Bulk add of activities from a CSV: every line is checked first, every error is reported with its
line number, and only a file without errors is saved (in one transaction).

Columns (header row, `;` or `,`): datum;titel;fiche;deelnemers;uren;doelen — `fiche` and `doelen`
may stay empty; `doelen` holds goal titles of this plan separated by `|`.
"""

import csv
import datetime as dt
import io
from decimal import Decimal, InvalidOperation

from django.db import transaction

from .models import Activity
from .offers import known_offer_ids

COLUMNS = ("datum", "titel", "fiche", "deelnemers", "uren", "doelen")
MAX_BYTES = 512 * 1024
MAX_LINES = 2000


def parse_activities(plan, raw: bytes) -> tuple[list[dict], list[str]]:
    if len(raw) > MAX_BYTES:
        return [], ["Het bestand is te groot (meer dan 512 kB)."]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], ["Het bestand is geen UTF-8-tekst. Bewaar het als CSV (UTF-8)."]
    delimiter = ";" if text.split("\n", 1)[0].count(";") >= text.split("\n", 1)[0].count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip().lower() for name in (reader.fieldnames or [])]
    missing = [c for c in ("datum", "titel") if c not in header]
    if missing:
        return [], [f"De kolom(men) {', '.join(missing)} ontbreken. Verwacht: {';'.join(COLUMNS)}."]
    goals = {goal.title.strip().lower(): goal for goal in plan.goals.all()}
    rows, errors = [], []
    for number, raw_row in enumerate(reader, start=2):
        if number > MAX_LINES + 1:
            errors.append(f"Meer dan {MAX_LINES} regels: splits het bestand.")
            break
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw_row.items() if isinstance(v, str)}
        if not any(row.values()):
            continue
        line = f"Regel {number}"
        try:
            date = dt.date.fromisoformat(row.get("datum", ""))
        except ValueError:
            errors.append(f"{line}: ‘{row.get('datum', '')}’ is geen datum (jjjj-mm-dd).")
            date = None
        title = row.get("titel", "")
        if not title:
            errors.append(f"{line}: de titel ontbreekt.")
        fiche = row.get("fiche", "")
        if fiche and not fiche.isdigit():
            errors.append(f"{line}: fiche ‘{fiche}’ is geen fiche-nummer.")
            fiche = ""
        participants = row.get("deelnemers", "") or "1"
        if not participants.isdigit():
            errors.append(f"{line}: ‘{participants}’ deelnemers is geen geheel getal.")
            participants = "1"
        try:
            hours = Decimal((row.get("uren", "") or "0").replace(",", "."))
            if hours < 0 or hours > 10000:
                raise InvalidOperation
        except InvalidOperation:
            errors.append(f"{line}: ‘{row.get('uren', '')}’ uren is geen geldig aantal.")
            hours = Decimal(0)
        linked = []
        for name in filter(None, (part.strip() for part in row.get("doelen", "").split("|"))):
            if name.lower() in goals:
                linked.append(goals[name.lower()])
            else:
                errors.append(f"{line}: het doel ‘{name}’ staat niet in dit plan.")
        rows.append(
            {
                "line": number,
                "date": date,
                "title": title[:200],
                "fiche": int(fiche) if fiche else None,
                "participants": int(participants),
                "hours": hours,
                "goals": linked,
            }
        )
    fiches = {row["fiche"] for row in rows if row["fiche"] is not None}
    for row in rows:
        if row["fiche"] is not None and row["fiche"] not in known_offer_ids(fiches):
            errors.append(f"Regel {row['line']}: onbekende fiche {row['fiche']}.")
    if not rows and not errors:
        errors.append("Het bestand bevat geen activiteiten.")
    return rows, errors


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
