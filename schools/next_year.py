"""Start the next school year: a new plan with the vision and the goals that are still open."""

import datetime as dt

from django.db import transaction

from .models import OPEN_STATUSES, Goal, Plan


def next_school_year(school_year: str) -> str:
    start = int(school_year[:4]) + 1
    return f"{start}-{start + 1}"


def _a_year_later(day: dt.date | None) -> dt.date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def start_next_year(plan: Plan) -> Plan:
    year = next_school_year(plan.school_year)
    with transaction.atomic():
        new_plan = Plan.objects.create(school=plan.school, school_year=year, vision=plan.vision)
        for goal in plan.goals.filter(status__in=OPEN_STATUSES):
            Goal.objects.create(
                plan=new_plan,
                title=goal.title,
                competences=goal.competences,
                target_level=goal.target_level,
                indicator=goal.indicator,
                target=goal.target,
                owner=goal.owner,
                deadline=_a_year_later(goal.deadline),
                status="gepland" if goal.status == "niet-bereikt" else goal.status,
                offers=goal.offers,
            )
    return new_plan
