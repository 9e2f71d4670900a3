"""The SMART check of a goal: concrete hints per field, as a reader of the plan (or a board) would
give them. Plain data in, Dutch hints out; nothing blocks saving.

- Specific: at least one competence, and a title of several words.
- Measurable: the indicator names something countable, and the target is a number, a percentage or
  a level.
- Assignable: the owner is a member of the school (e-mail) or a named role.
- Realistic: the target level is at most two levels above the team median of the latest closed round.
- Time-bound: a deadline inside the school year.
"""

import datetime as dt
import re

from selfassessment.framework import LEVELS

YEAR_PATTERN = re.compile(r"^(\d{4})-(\d{4})$")
MIN_TITLE_WORDS = 3
COUNTABLE = re.compile(
    r"\d|%|\b(aantal|aandeel|percentage|procent|helft|derde|kwart|meerderheid|leraren|leerkrachten|"
    r"collega'?s|lessen|klassen|leerlingen|niveau|teamronde|keer|uur|uren)\b",
    re.IGNORECASE,
)
TARGET = re.compile(
    r"^\s*(\d+([.,]\d+)?\s*(%|procent|op\s+\d+|van\s+de\s+\d+)?|[ABC][12](\s+of\s+hoger)?)\b", re.I
)
ROLES = re.compile(
    r"\b(directie|directeur|directrice|adjunct|ict[- ]?co[öo]rdinator|co[öo]rdinator|zorgco[öo]rdinator|"
    r"graadco[öo]rdinator|beleidsteam|kernteam|werkgroep|pedagogisch|mentor|coach|ict-team|"
    r"ict-verantwoordelijke|leerkracht|leraar|lerares|schoolleider|teamleider)",
    re.IGNORECASE,
)


def school_year_bounds(school_year: str) -> tuple[dt.date, dt.date] | None:
    """A Flemish school year runs from 1 September to 31 August."""
    match = YEAR_PATTERN.match(school_year or "")
    if not match or int(match[2]) != int(match[1]) + 1:
        return None
    return dt.date(int(match[1]), 9, 1), dt.date(int(match[2]), 8, 31)


def smart_hints(goal, school_year: str, *, members=(), medians=None) -> dict[str, str]:
    """Field name -> one concrete hint. ``members``: the school's e-mail addresses; ``medians``:
    competence -> team median (level index) of the latest closed round."""
    hints = {}
    title = (goal.title or "").strip()
    if not goal.competences:
        hints["competences"] = "Specifiek: kies de competentie waaraan het doel werkt."
    if len(title.split()) < MIN_TITLE_WORDS:
        hints["title"] = (
            f"Specifiek: beschrijf in minstens {MIN_TITLE_WORDS} woorden wat er verandert, "
            "bv. ‘Digitale feedback in elke klas’."
        )
    indicator = (goal.indicator or "").strip()
    if not indicator:
        hints["indicator"] = (
            "Meetbaar: er is geen indicator. Wat tel je, bv. ‘aandeel leraren op B1 of hoger’?"
        )
    elif not COUNTABLE.search(indicator):
        hints["indicator"] = (
            f"Meetbaar: ‘{indicator}’ noemt niets wat je kan tellen. Zeg wie of wat je telt, "
            "bv. ‘aantal lessen met digitale feedback’."
        )
    target = (goal.target or "").strip()
    if not target and not goal.target_level:
        hints["target"] = "Meetbaar: er is geen streefwaarde of doelniveau."
    elif target and not TARGET.match(target):
        hints["target"] = (
            f"Meetbaar: ‘{target}’ is geen getal, percentage of niveau. Schrijf bv. ‘80%’ of ‘B1’."
        )
    owner = (goal.owner or "").strip()
    member_emails = {m.lower() for m in members}
    if not owner:
        hints["owner"] = "Toewijsbaar: er is geen eigenaar."
    elif owner.lower() not in member_emails and not ROLES.search(owner):
        hints["owner"] = (
            f"Toewijsbaar: ‘{owner}’ is geen lid of rol van de school. Noem een rol (bv. ICT-coördinator, "
            "directie) of het e-mailadres van een lid."
        )
    if goal.target_level in LEVELS and medians:
        wanted = LEVELS.index(goal.target_level)
        too_high = [
            code for code in goal.competences if medians.get(code) is not None and wanted > medians[code] + 2
        ]
        if too_high:
            now = ", ".join(f"{code} {LEVELS[medians[code]]}" for code in too_high)
            hints["target_level"] = (
                f"Realistisch: {goal.target_level} ligt meer dan twee niveaus boven de mediaan van het team ({now})."
            )
    if not goal.deadline:
        hints["deadline"] = "Tijdgebonden: er is geen deadline."
    else:
        bounds = school_year_bounds(school_year)
        if bounds and not (bounds[0] <= goal.deadline <= bounds[1]):
            hints["deadline"] = f"Tijdgebonden: de deadline valt buiten het schooljaar {school_year}."
    return hints


def smart_problems(goal, school_year: str, **context) -> list[str]:
    """The hints as a list, in the order of the form."""
    order = ["title", "competences", "indicator", "target", "target_level", "owner", "deadline"]
    hints = smart_hints(goal, school_year, **context)
    return [hints[field] for field in order if field in hints]
