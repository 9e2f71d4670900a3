"""Start the next school year: a new plan with the vision and the goals the team chooses to continue.
A continued goal keeps its story: each year's status, measured value and the plan's next steps are
added to its history, so nothing of last year is lost when it starts again."""

import datetime as dt

from django.db import transaction

from .models import Goal, Plan


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


def _history(goal, plan) -> str:
    line = f"{plan.school_year}: {goal.get_status_display().lower()}"
    if goal.measured:
        line += f", gemeten {goal.measured}"
    if goal.evidence:
        line += f". Bewijs: {goal.evidence}"
    if plan.next_steps:
        line += f". Volgende stappen van het plan: {plan.next_steps}"
    return "\n".join(part for part in (goal.history, line + ".") if part)


def start_next_year(plan: Plan, goal_ids) -> Plan:
    """A new plan for the next school year with the chosen goals of ``plan``."""
    year = next_school_year(plan.school_year)
    with transaction.atomic():
        new_plan = Plan.objects.create(school=plan.school, school_year=year, vision=plan.vision)
        for goal in plan.goals.filter(pk__in=list(goal_ids)):
            Goal.objects.create(
                plan=new_plan,
                title=goal.title,
                competences=goal.competences,
                target_level=goal.target_level,
                indicator=goal.indicator,
                target=goal.target,
                owner=goal.owner,
                deadline=_a_year_later(goal.deadline),
                status="bezig" if goal.status == "bezig" else "gepland",
                offers=goal.offers,
                history=_history(goal, plan),
            )
    return new_plan
