"""Validating what a teacher (or a program) hands in: answers, levels or marks -> levels per competence.

Every problem raises InvalidInput with a Dutch message that says what to fix; nothing else is
accepted, so scoring only ever sees clean data.
"""

from collections.abc import Mapping

from .framework import AREAS, COMPETENCES, COMPETENCES_OF, LEVELS

MAX_KEYS = 50  # 22 competences and 6 areas fit easily; 10,000 keys do not


class InvalidInput(ValueError):
    """Bad input; the message is Dutch and meant for the visitor or the API client."""


def levels_from_answers(answers) -> dict[str, int | None]:
    """{"2.1": 0..5 or None} (the instrument's answers; None = niet van toepassing)."""
    mapping = _mapping(answers, "answers")
    levels: dict[str, int | None] = {}
    for key, value in mapping.items():
        code = _competence(key)
        if value is None:
            levels[code] = None
        elif isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 5:
            raise InvalidInput(
                f"Het antwoord op {code} moet een getal van 0 (A1) tot 5 (C2) zijn, of null (niet van toepassing)."
            )
        else:
            levels[code] = value
    return levels


def levels_from_level_codes(levels) -> dict[str, int | None]:
    """{"2.1": "A2", "3": "B1"}: a level per competence and/or per area (an area's level counts
    for each of its competences that has no level of its own)."""
    mapping = _mapping(levels, "levels")
    per_competence: dict[str, int | None] = {}
    per_area: dict[str, int | None] = {}
    for key, value in mapping.items():
        key = str(key).strip()
        if key in AREAS:
            per_area[key] = _level(key, value)
        else:
            per_competence[_competence(key)] = _level(key, value)
    result = {}
    for area, level in per_area.items():
        for code in COMPETENCES_OF[area]:
            result[code] = level
    result.update(per_competence)
    return result


def marked_competences(value) -> frozenset[str]:
    if value in (None, ""):
        return frozenset()
    if not isinstance(value, list | tuple):
        raise InvalidInput("'marked' moet een lijst van competentiecodes zijn, bv. [\"3.2\"].")
    if len(value) > len(COMPETENCES):
        raise InvalidInput(f"Je kunt hoogstens {len(COMPETENCES)} competenties als prioriteit markeren.")
    return frozenset(_competence(item) for item in value)


def require_some_level(levels: Mapping[str, int | None]) -> None:
    if not any(level is not None for level in levels.values()):
        raise InvalidInput(
            "Er is geen enkel niveau ingevuld. Beantwoord minstens één vraag (of geef minstens één niveau op)."
        )


def _mapping(value, name: str) -> Mapping:
    if not isinstance(value, Mapping):
        raise InvalidInput(f"'{name}' moet een object zijn, bv. {{\"2.1\": ...}}.")
    if not value:
        raise InvalidInput(f"'{name}' is leeg: geef minstens één competentie op.")
    if len(value) > MAX_KEYS:
        raise InvalidInput(
            f"'{name}' heeft {len(value)} sleutels; er zijn maar {len(COMPETENCES)} competenties en {len(AREAS)} domeinen."
        )
    return value


def _competence(key) -> str:
    code = str(key).strip()
    if code not in COMPETENCES:
        raise InvalidInput(
            f"'{code[:20]}' is geen DigCompEdu-competentie. Gebruik codes van 1.1 tot 6.5, bv. \"2.1\"."
        )
    return code


def _level(key: str, value) -> int | None:
    if value is None:
        return None
    text = str(value).strip().upper() if isinstance(value, str) else None
    if text not in LEVELS:
        raise InvalidInput(
            f"Het niveau bij {key[:20]} moet A1, A2, B1, B2, C1 of C2 zijn (of null voor niet van toepassing)."
        )
    return LEVELS.index(text)
