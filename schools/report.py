"""The yearly report in the structure of the circular, as one plain document.

``yearly_report(plan)`` returns plain data (str, int, float, list, dict); the HTML page, the CSV, the
JSON download and the PDF are renderings of it, and the JSON is also the plan's export format that
``import_plan`` reads back. Team levels come from aggregates.round_result (closed rounds only), so a round
with fewer than five answers contributes nothing but that fact.
"""

from collections import defaultdict

from . import aggregates
from .smart import school_year_bounds

FORMAT_VERSION = 1


def _activity(activity) -> dict:
    return {
        "date": activity.date.isoformat(),
        "title": activity.title,
        "fiche": activity.fiche,
        "participants": activity.participants,
        "hours": float(activity.hours),
    }


def _rounds_of_year(plan):
    """The closed rounds of the plan's school year, oldest first."""
    closed = plan.school.rounds.filter(is_open=False, closed_on__isnull=False).order_by("closed_on", "pk")
    bounds = school_year_bounds(plan.school_year)
    return closed.filter(closed_on__range=bounds) if bounds else closed.none()


def yearly_report(plan) -> dict:
    goals = list(plan.goals.prefetch_related("activities"))
    activities = list(plan.activities.prefetch_related("goals"))
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
        "school_year": plan.school_year,
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
                "offers": list(goal.offers),
                "activities": [_activity(a) for a in goal.activities.all()],
            }
            for goal in goals
        ],
        "activities_without_goal": [_activity(a) for a in activities if not a.goals.all()],
        "per_competence": dict(sorted(per_competence.items())),
        "totals": {
            "activities": len(counted),
            "participants": sum(a.participants for a in counted),
            "hours": sum(float(a.hours) for a in counted),
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
    "eigenaar",
    "deadline",
    "bewijs",
    "activiteit",
    "datum",
    "deelnemers",
    "uren",
]


def csv_rows(report: dict) -> list[list]:
    """One row per goal and activity (a goal without activities gets one row of its own)."""
    rows = [CSV_HEADER]
    for goal in report["goals"]:
        base = [
            goal["title"],
            goal["status"],
            " ".join(goal["competences"]),
            goal["owner"],
            goal["deadline"] or "",
            goal["evidence"],
        ]
        for activity in goal["activities"] or [None]:
            if activity is None:
                rows.append([*base, "", "", "", ""])
            else:
                rows.append(
                    [*base, activity["title"], activity["date"], activity["participants"], activity["hours"]]
                )
    for activity in report["activities_without_goal"]:
        rows.append(
            [
                "",
                "",
                "",
                "",
                "",
                "",
                activity["title"],
                activity["date"],
                activity["participants"],
                activity["hours"],
            ]
        )
    return rows
