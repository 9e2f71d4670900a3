"""From levels per competence to levels per area, an overall level and the priorities.

Plain functions over plain data (no request, no database), so the school plan can score team
rounds the same way. Levels are indexes 0..5 (A1..C2); None means "niet van toepassing" or unknown.

The rule:
- a competence's level is the option the teacher chose (each option describes practice at one level);
- an area's level is the median of its competences that have a level; with an even number the lower
  of the two middle values (a level the teacher has really reached, never rounded up);
- the overall level is that same lower median over all competences that have a level;
- the priorities are the two lowest competences (ties: the ones the teacher marked first, then the
  framework's order), completed to three with the teacher's own marks, or else the next lowest.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .framework import AREAS, COMPETENCES, COMPETENCES_OF, level_code

PRIORITY_COUNT = 3
LOWEST_COUNT = 2


@dataclass(frozen=True)
class Score:
    competences: dict[str, int | None]  # every one of the 22 codes
    areas: dict[str, int | None]
    overall: int | None
    priorities: tuple[str, ...]
    marked: frozenset[str] = field(default_factory=frozenset)

    def as_codes(self) -> dict:
        """The levels as "A1".."C2" (None stays None): the JSON shape of the API."""
        return {
            "competences": {code: level_code(level) for code, level in self.competences.items()},
            "areas": {code: level_code(level) for code, level in self.areas.items()},
            "overall": level_code(self.overall),
            "priorities": list(self.priorities),
        }


def lower_median(levels: Iterable[int | None]) -> int | None:
    known = sorted(level for level in levels if level is not None)
    if not known:
        return None
    return known[(len(known) - 1) // 2]


def priorities(levels: Mapping[str, int | None], marked: Iterable[str] = ()) -> tuple[str, ...]:
    marked = set(marked)
    order = {code: i for i, code in enumerate(COMPETENCES)}
    known = [code for code in COMPETENCES if levels.get(code) is not None]
    by_need = sorted(known, key=lambda code: (levels[code], code not in marked, order[code]))
    chosen = by_need[:LOWEST_COUNT]
    extra = [code for code in known if code in marked and code not in chosen]
    extra += [code for code in by_need if code not in chosen and code not in extra]
    return tuple(chosen + extra[: PRIORITY_COUNT - len(chosen)])


def score(levels: Mapping[str, int | None], marked: Iterable[str] = ()) -> Score:
    competences = {code: levels.get(code) for code in COMPETENCES}
    marked = frozenset(code for code in marked if code in competences)
    areas = {area: lower_median(competences[c] for c in COMPETENCES_OF[area]) for area in AREAS}
    return Score(
        competences=competences,
        areas=areas,
        overall=lower_median(competences.values()),
        priorities=priorities(competences, marked),
        marked=marked,
    )


def improvements(before: Score, after: Score) -> dict[str, int]:
    """Per competence and area present in both: how many levels it went up (negative: down)."""
    changes = {}
    for source_before, source_after in ((before.competences, after.competences), (before.areas, after.areas)):
        for code, level in source_after.items():
            old = source_before.get(code)
            if level is not None and old is not None:
                changes[code] = level - old
    return changes
