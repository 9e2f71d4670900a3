"""Reading a plan document (the JSON of the yearly report, see docs/schools.md) into a school.

Everything is checked before anything is written; the errors are Dutch and name the place in the
document. Then the plan, its goals and activities are written in one transaction: all or nothing.
"""

import datetime as dt

from django.db import transaction

from portal.hygiene import BadInput, load_json, parse_id
from selfassessment.framework import COMPETENCES, LEVELS

from . import aggregates
from .models import GOAL_STATUS_CHOICES, Activity, Goal, Plan, TeamRound
from .offers import known_offer_ids
from .report import FORMAT_VERSION, READS_VERSIONS
from .smart import school_year_bounds

MAX_BYTES = 2 * 1024 * 1024
MAX_EVIDENCE = 5000
STATUSES = {code for code, _ in GOAL_STATUS_CHOICES}


class PlanImportError(ValueError):
    def __init__(self, errors: list[str]):
        super().__init__(" ".join(errors))
        self.errors = errors


def parse(raw: bytes) -> dict:
    if len(raw) > MAX_BYTES:
        raise PlanImportError([f"Het bestand is te groot (meer dan {MAX_BYTES // (1024 * 1024)} MB)."])
    try:
        document = load_json(raw, max_bytes=MAX_BYTES)
    except BadInput as exc:
        raise PlanImportError([str(exc)]) from exc
    if not isinstance(document, dict):
        raise PlanImportError(["Het bestand moet één plan bevatten (een JSON-object)."])
    return document


def _date(value, where, errors):
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else _bad()
    except (ValueError, TypeError):
        errors.append(f"{where}: ‘{value}’ is geen datum (jjjj-mm-dd).")
        return None


def _bad():
    raise ValueError


def _number(value, where, errors, kind=int):
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        errors.append(f"{where}: ‘{value}’ is geen positief getal.")
        return 0
    return kind(value)


def _activities(items, where, errors, offer_ids) -> list[dict]:
    activities = []
    if not isinstance(items, list):
        errors.append(f"{where}: activities moet een lijst zijn.")
        return activities
    for m, activity in enumerate(items, start=1):
        a_where = f"{where}, activiteit {m}"
        if not isinstance(activity, dict) or not str(activity.get("title", "")).strip():
            errors.append(f"{a_where}: elke activiteit heeft een titel.")
            continue
        date = _date(activity.get("date"), a_where, errors)
        if date is None and not any(e.startswith(a_where) for e in errors):
            errors.append(f"{a_where}: de datum ontbreekt.")
        fiche = activity.get("fiche")
        if fiche is not None:
            if parse_id(fiche) and not isinstance(fiche, str | bool):
                offer_ids.add(fiche)
            else:
                errors.append(f"{a_where}: fiche moet een fiche-nummer of null zijn.")
                fiche = None
        participants = _number(activity.get("participants", 1), a_where, errors)
        if participants < 1 and not any(e.startswith(a_where) for e in errors):
            errors.append(f"{a_where}: er is minstens één deelnemer.")
        activities.append(
            {
                "date": date,
                "title": str(activity["title"]).strip()[:200],
                "fiche": fiche,
                "participants": participants,
                "hours": _number(activity.get("hours", 0), a_where, errors, float),
                "cost": None
                if activity.get("cost") is None
                else _number(activity.get("cost"), a_where, errors, float),
                "from_digiplan": activity.get("from_digiplan") is True,
            }
        )
    return activities


def _rounds(items, errors) -> list[dict]:
    rounds = []
    if not isinstance(items, list):
        errors.append("team_rounds moet een lijst zijn.")
        return rounds
    for n, item in enumerate(items, start=1):
        where = f"teamronde {n}"
        if not isinstance(item, dict) or not isinstance(item.get("title"), str) or not item["title"].strip():
            errors.append(f"{where}: elke ronde heeft een titel.")
            continue
        closed_on = _date(item.get("closed_on"), where, errors)
        if closed_on is None:
            errors.append(f"{where}: de datum van sluiten ontbreekt.")
            continue
        try:
            summary = aggregates.from_data(item)
        except (ValueError, KeyError, TypeError, AttributeError):
            errors.append(
                f"{where}: het teamresultaat is onvolledig of bevat een groep kleiner dan {aggregates.MIN_ANSWERS}."
            )
            continue
        rounds.append({"title": item["title"].strip()[:200], "closed_on": closed_on, "result": summary})
    return rounds


def validate(document: dict) -> dict:
    """A cleaned copy of the document, or PlanImportError with every problem found."""
    errors = []
    version = document.get("version", FORMAT_VERSION)
    if version not in READS_VERSIONS:
        known = " en ".join(map(str, READS_VERSIONS))
        raise PlanImportError([f"Versie {version!r} van het planformaat ken ik niet (alleen {known})."])
    year = document.get("school_year")
    if not isinstance(year, str) or school_year_bounds(year) is None:
        errors.append(f"school_year: ‘{year}’ is geen schooljaar als 2026-2027.")
    vision = document.get("vision", "")
    if not isinstance(vision, str):
        errors.append("vision moet tekst zijn.")
    goals_in = document.get("goals", [])
    if not isinstance(goals_in, list):
        raise PlanImportError([*errors, "goals moet een lijst zijn."])
    goals, offer_ids = [], set()
    for n, goal in enumerate(goals_in, start=1):
        where = f"doel {n}"
        if not isinstance(goal, dict) or not isinstance(goal.get("title"), str) or not goal["title"].strip():
            errors.append(f"{where}: elk doel heeft een titel.")
            continue
        competences = goal.get("competences", [])
        if not isinstance(competences, list):
            competences = [competences]
        unknown = [str(c) for c in competences if c not in COMPETENCES]
        if unknown:
            errors.append(f"{where}: onbekende competentie {', '.join(unknown)}.")
        level = goal.get("target_level") or ""
        if level and level not in LEVELS:
            errors.append(f"{where}: onbekend doelniveau ‘{level}’.")
        status = goal.get("status") or "gepland"
        if status not in STATUSES:
            errors.append(f"{where}: onbekende status ‘{status}’ (kies uit {', '.join(sorted(STATUSES))}).")
        evidence = goal.get("evidence") or ""
        if not isinstance(evidence, str):
            errors.append(f"{where}: evidence moet tekst zijn.")
            evidence = ""
        offers = goal.get("offers", [])
        if not isinstance(offers, list) or not all(parse_id(o) for o in offers):
            errors.append(f"{where}: offers moet een lijst van fiche-nummers zijn.")
            offers = []
        offer_ids.update(offers)
        activities = _activities(goal.get("activities", []), where, errors, offer_ids)
        goals.append(
            {
                "title": goal["title"].strip()[:200],
                "competences": competences,
                "target_level": level,
                "indicator": str(goal.get("indicator") or "")[:300],
                "target": str(goal.get("target") or "")[:200],
                "owner": str(goal.get("owner") or "")[:200],
                "deadline": _date(goal.get("deadline"), where, errors),
                "status": status,
                "evidence": evidence[:MAX_EVIDENCE],
                "measured": str(goal.get("measured") or "")[:200],
                "history": str(goal.get("history") or "")[:MAX_EVIDENCE],
                "offers": offers,
                "activities": activities,
            }
        )
    loose = _activities(
        document.get("activities_without_goal", []), "activiteiten zonder doel", errors, offer_ids
    )
    team_rounds = _rounds(document.get("team_rounds", []), errors)
    approved_on = _date(document.get("approved_on"), "approved_on", errors)
    missing = sorted(offer_ids - known_offer_ids(offer_ids))
    if missing:
        errors.append(f"Onbekende fiche: {', '.join(map(str, missing))}.")
    if errors:
        raise PlanImportError(errors)
    return {
        "school_year": year,
        "vision": vision,
        "next_steps": str(document.get("next_steps") or ""),
        "approved_by": str(document.get("approved_by") or "")[:200],
        "approved_on": approved_on,
        "goals": goals,
        "activities_without_goal": loose,
        "team_rounds": team_rounds,
    }


def import_plan(school, raw: bytes) -> Plan:
    clean = validate(parse(raw))
    if school.plans.filter(school_year=clean["school_year"]).exists():
        raise PlanImportError([f"{school.name} heeft al een plan voor {clean['school_year']}."])
    with transaction.atomic():
        plan = Plan.objects.create(
            school=school,
            school_year=clean["school_year"],
            vision=clean["vision"],
            next_steps=clean["next_steps"],
            approved_by=clean["approved_by"],
            approved_on=clean["approved_on"],
        )
        seen = {}
        for goal_data in clean["goals"]:
            activities = goal_data.pop("activities")
            goal = Goal.objects.create(plan=plan, **goal_data)
            for activity_data in activities:
                key = tuple(activity_data.values())  # an activity listed under two goals is one activity
                activity = seen.get(key) or Activity.objects.create(plan=plan, **activity_data)
                seen[key] = activity
                activity.goals.add(goal)
        for activity_data in clean["activities_without_goal"]:
            Activity.objects.create(plan=plan, **activity_data)
        existing = set(school.rounds.filter(is_open=False).values_list("title", "closed_on"))
        for round_data in clean["team_rounds"]:  # a school's rounds stay when a plan is deleted
            if (round_data["title"], round_data["closed_on"]) not in existing:
                TeamRound.objects.create(school=school, is_open=False, **round_data)
    return plan
