"""The team profile of a round: per competence the distribution of levels and the median, only
when at least MIN_ANSWERS answers are in. Below that nothing is computed at all, so no screen or
export can leak what a handful of colleagues answered. Plain functions over plain data."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from selfassessment.framework import COMPETENCES, LEVELS, level_code
from selfassessment.scoring import lower_median

MIN_ANSWERS = 5
TOO_FEW = "nog te weinig antwoorden"


@dataclass(frozen=True)
class CompetenceProfile:
    code: str
    counts: tuple[int, ...]  # per level A1..C2
    median: int | None

    @property
    def median_code(self) -> str | None:
        return level_code(self.median)


@dataclass(frozen=True)
class TeamProfile:
    answers: int
    competences: dict[str, CompetenceProfile] | None  # None: too few answers

    @property
    def enough(self) -> bool:
        return self.competences is not None

    def lowest(self, count: int = 3) -> list[str]:
        """Suggested priorities: the competences with the lowest median first (framework order on ties)."""
        if not self.enough:
            return []
        known = [p for p in self.competences.values() if p.median is not None]
        order = {code: i for i, code in enumerate(COMPETENCES)}
        return [p.code for p in sorted(known, key=lambda p: (p.median, order[p.code]))[:count]]

    def as_data(self) -> dict:
        if not self.enough:
            return {"answers": self.answers, "profile": None, "message": TOO_FEW}
        return {
            "answers": self.answers,
            "profile": {
                code: {"median": p.median_code, "distribution": dict(zip(LEVELS, p.counts, strict=True))}
                for code, p in self.competences.items()
            },
        }


def profile(answers: Iterable[Mapping[str, int | None]]) -> TeamProfile:
    answers = list(answers)
    if len(answers) < MIN_ANSWERS:
        return TeamProfile(answers=len(answers), competences=None)
    competences = {}
    for code in COMPETENCES:
        levels = [a.get(code) for a in answers]
        counts = [0] * len(LEVELS)
        for level in levels:
            if level is not None:
                counts[level] += 1
        competences[code] = CompetenceProfile(code=code, counts=tuple(counts), median=lower_median(levels))
    return TeamProfile(answers=len(answers), competences=competences)


def movement(before: TeamProfile, after: TeamProfile) -> dict[str, int]:
    """Per competence, how many levels the median moved between two rounds (both need enough answers)."""
    if not (before.enough and after.enough):
        return {}
    changes = {}
    for code, now in after.competences.items():
        then = before.competences[code].median
        if now.median is not None and then is not None:
            changes[code] = now.median - then
    return changes
