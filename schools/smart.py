"""The SMART check of a goal: what a reader of the plan would miss. Plain data in, Dutch remarks out."""

import datetime as dt
import re

YEAR_PATTERN = re.compile(r"^(\d{4})-(\d{4})$")


def school_year_bounds(school_year: str) -> tuple[dt.date, dt.date] | None:
    """A Flemish school year runs from 1 September to 31 August."""
    match = YEAR_PATTERN.match(school_year or "")
    if not match or int(match[2]) != int(match[1]) + 1:
        return None
    return dt.date(int(match[1]), 9, 1), dt.date(int(match[2]), 8, 31)


def smart_problems(goal, school_year: str) -> list[str]:
    problems = []
    if not (goal.owner or "").strip():
        problems.append("Er is geen eigenaar.")
    if not goal.deadline:
        problems.append("Er is geen deadline.")
    else:
        bounds = school_year_bounds(school_year)
        if bounds and not (bounds[0] <= goal.deadline <= bounds[1]):
            problems.append(f"De deadline valt buiten het schooljaar {school_year}.")
    if not (goal.indicator or "").strip():
        problems.append("Er is geen meetbare indicator.")
    if not ((goal.target or "").strip() or (goal.target_level or "").strip()):
        problems.append("Er is geen doelniveau of streefwaarde.")
    return problems
