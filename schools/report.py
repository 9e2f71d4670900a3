"""The yearly report in the structure of the circular, as one plain document.

``yearly_report(plan)`` returns plain data (str, int, float, list, dict); the HTML page, the CSV, the
JSON download and the PDF are renderings of it, and the JSON is also the plan's export format that
``import_plan`` reads back. Team levels come from aggregates.round_result (closed rounds only), so a round
with fewer than five answers contributes nothing but that fact.
"""

from collections import defaultdict

from . import aggregates, rounds
from .offers import offer_titles
from .smart import school_year_bounds, smart_problems

FORMAT_VERSION = 2  # 2 adds approval, measured values, history, costs and offer titles; 1 still imports
READS_VERSIONS = (1, 2)


def _money(value) -> float | None:
    return None if value is None else float(value)


def _offer(offer_id, titles) -> dict | None:
    if offer_id not in titles:
        return None
    title, url = titles[offer_id]
    return {"id": offer_id, "title": title, "url": url}


def _activity(activity, titles) -> dict:
    return {
        "date": activity.date.isoformat(),
        "title": activity.title,
        "fiche": activity.fiche,
        "offer": _offer(activity.fiche, titles),
        "participants": activity.participants,
        "hours": float(activity.hours),
        "cost": _money(activity.cost),
        "from_digiplan": activity.from_digiplan,
    }


def _rounds_of_year(plan):
    """The closed rounds of the plan's school year, oldest first."""
    closed = plan.school.rounds.filter(is_open=False, closed_on__isnull=False).order_by("closed_on", "pk")
    bounds = school_year_bounds(plan.school_year)
    return closed.filter(closed_on__range=bounds) if bounds else closed.none()


def yearly_report(plan) -> dict:
    goals = list(plan.goals.prefetch_related("activities"))
    activities = list(plan.activities.prefetch_related("goals"))
    titles = offer_titles({i for g in goals for i in g.offers} | {a.fiche for a in activities if a.fiche})
    smart = rounds.smart_context(plan.school)
    bounds = school_year_bounds(plan.school_year)
    counted = [a for a in activities if bounds and bounds[0] <= a.date <= bounds[1]]  # this school year only
    per_competence = defaultdict(lambda: {"activities": 0, "participants": 0, "hours": 0.0})
    for activity in counted:
        for code in sorted({c for goal in activity.goals.all() for c in goal.competences}):
            row = per_competence[code]
            row["activities"] += 1
            row["participants"] += activity.participants
            row["hours"] += float(activity.hours)
    return {
        "version": FORMAT_VERSION,
        "school": plan.school.name,
        "institution_number": plan.school.institution_number,
        "school_year": plan.school_year,
        "approved_by": plan.approved_by,
        "approved_on": plan.approved_on.isoformat() if plan.approved_on else None,
        "vision": plan.vision,
        "goals": [
            {
                "title": goal.title,
                "competences": list(goal.competences),
                "target_level": goal.target_level,
                "indicator": goal.indicator,
                "target": goal.target,
                "owner": goal.owner,
                "deadline": goal.deadline.isoformat() if goal.deadline else None,
                "status": goal.status,
                "evidence": goal.evidence,
                "measured": goal.measured,
                "history": goal.history,
                "smart": smart_problems(goal, plan.school_year, **smart),
                "offers": list(goal.offers),
                "offer_links": [o for o in (_offer(i, titles) for i in goal.offers) if o],
                "activities": [_activity(a, titles) for a in goal.activities.all()],
            }
            for goal in goals
        ],
        "activities_without_goal": [_activity(a, titles) for a in activities if not a.goals.all()],
        "per_competence": dict(sorted(per_competence.items())),
        "totals": {
            "activities": len(counted),
            "participants": sum(a.participants for a in counted),
            "hours": sum(float(a.hours) for a in counted),
            "cost": sum((float(a.cost or 0) for a in counted), 0.0),
            "digiplan": sum((float(a.cost or 0) for a in counted if a.from_digiplan), 0.0),
        },
        "team_rounds": [
            {"title": r.title, "closed_on": r.closed_on.isoformat(), **aggregates.round_result(r).as_data()}
            for r in _rounds_of_year(plan)
        ],
        "next_steps": plan.next_steps,
    }


CSV_HEADER = [
    "doel",
    "status",
    "competenties",
    "indicator",
    "streefwaarde",
    "gemeten",
    "eigenaar",
    "deadline",
    "bewijs",
    "activiteit",
    "datum",
    "aanbod",
    "deelnemers",
    "uren",
    "kost",
    "digiplan",
]


def decimal_comma(value) -> str:
    """A number as Excel nl-BE reads it: 1,5 (no trailing ,0 for whole numbers, never 1e+06)."""
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return str(value)


def euro(value) -> str:
    """An amount as Excel nl-BE reads it, always with cents: 450,00 (empty when no cost was given)."""
    return "" if value is None else f"{value:.2f}".replace(".", ",")


def _csv_activity(activity) -> list:
    if activity is None:
        return ["", "", "", "", "", "", ""]
    return [
        activity["title"],
        activity["date"],
        activity["offer"]["title"] if activity["offer"] else "",
        activity["participants"],
        decimal_comma(activity["hours"]),
        euro(activity["cost"]),
        "ja" if activity["from_digiplan"] else "",
    ]


def csv_rows(report: dict) -> list[list]:
    """One row per goal and activity (a goal without activities gets one row of its own)."""
    rows = [CSV_HEADER]
    for goal in report["goals"]:
        base = [
            goal["title"],
            goal["status"],
            " ".join(goal["competences"]),
            goal["indicator"],
            goal["target"] or goal["target_level"],
            goal["measured"],
            goal["owner"],
            goal["deadline"] or "",
            goal["evidence"],
        ]
        for activity in goal["activities"] or [None]:
            rows.append([*base, *_csv_activity(activity)])
    for activity in report["activities_without_goal"]:
        rows.append([""] * 9 + _csv_activity(activity))
    return rows + _csv_totals(report["totals"])


def _csv_totals(totals: dict) -> list[list]:
    """After an empty row: the school year's totals, each number in its own column so a spreadsheet
    can check them, then the part of the costs paid from the Digisprong means (digiplan)."""
    width = len(CSV_HEADER)
    column = CSV_HEADER.index

    def row(label: str, **cells) -> list:
        line = [label] + [""] * (width - 1)
        for name, value in cells.items():
            line[column(name)] = value
        return line

    total = row(
        f"totaal schooljaar ({totals['activities']} activiteiten)",
        deelnemers=totals["participants"],
        uren=decimal_comma(float(totals["hours"])),
        kost=euro(totals["cost"]),
    )
    digiplan = row("waarvan uit de Digisprongmiddelen", kost=euro(totals["digiplan"]), digiplan="ja")
    return [[""] * width, total, digiplan]
