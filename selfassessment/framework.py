"""The DigCompEdu framework as plain data: the 22 competence codes, their areas and the six levels.

Codes are stable (see portal.taxonomy); labels live in the taxonomy snippets and are looked up only
for display. Scoring, result codes and recommendations work on these codes alone.
"""

from portal.taxonomy_seed import DIGCOMPEDU

LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")  # index 0..5, the answer value of the instrument
# DigCompEdu's own names for the levels, shown beside the codes ("A2 Ontdekker").
LEVEL_NAMES = dict(
    zip(LEVELS, ("Nieuwkomer", "Ontdekker", "Integrator", "Expert", "Leider", "Pionier"), strict=True)
)
AREAS = tuple(area for area, _label, _competences in DIGCOMPEDU)
COMPETENCES = tuple(code for _area, _label, competences in DIGCOMPEDU for code, _ in competences)
AREA_OF = {code: code.split(".")[0] for code in COMPETENCES}
COMPETENCES_OF = {area: tuple(c for c in COMPETENCES if AREA_OF[c] == area) for area in AREAS}

assert len(COMPETENCES) == 22 and len(AREAS) == 6


def level_code(index: int | None) -> str | None:
    return None if index is None else LEVELS[index]


def level_label(index: int | None) -> str | None:
    """ "B1 Integrator", or None without a level."""
    return None if index is None else f"{LEVELS[index]} {LEVEL_NAMES[LEVELS[index]]}"


def next_level(index: int) -> int:
    """The level to grow towards: one up, and C2 stays C2."""
    return min(index + 1, len(LEVELS) - 1)
