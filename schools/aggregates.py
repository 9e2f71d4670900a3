"""The team result of a round: the ONE place where a team's answers become numbers.

Every number a screen or an export shows about a team comes from ``summarise`` (via a closed round's
frozen ``result``) and rests on at least MIN_ANSWERS answers; smaller cells are stored as None and
shown as "< 5". Views, reports and exports never count answers on their own.

The rules, per competence and per area:
- the median is shown only when at least 5 colleagues gave that competence (area) a level, so
  "Niet van toepassing" can never drop a cell below 5;
- the distribution has four cells: A1–A2, B1–B2, C1–C2 and "niet van toepassing". A cell under 5 is
  hidden, and if the hidden cells together hold 1 to 4 people (so they could be found by subtracting
  the shown cells from the number of answers) the smallest shown cell is hidden too.
Plain functions over plain data.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from portal.taxonomy_seed import DIGCOMPEDU
from selfassessment.framework import AREAS, COMPETENCES, COMPETENCES_OF, LEVELS, level_code
from selfassessment.scoring import lower_median

MIN_ANSWERS = 5
HIDDEN = "< 5"
TOO_FEW = "nog te weinig antwoorden"
SUMMARY_VERSION = 1
BUCKETS = (("A", "A1–A2", (0, 1)), ("B", "B1–B2", (2, 3)), ("C", "C1–C2", (4, 5)))
NVT = "nvt"
BUCKET_LABELS = {key: label for key, label, _ in BUCKETS} | {NVT: "Niet van toepassing"}
COMPETENCE_NAMES = {code: name for _a, _l, competences in DIGCOMPEDU for code, name in competences}
AREA_NAMES = {area: label for area, label, _c in DIGCOMPEDU}


def shown(value: int | None) -> str:
    """How a stored cell reads on screen and in exports."""
    return HIDDEN if value is None else str(value)


def _suppress(counts: dict[str, int]) -> dict[str, int | None]:
    hidden = {key for key, n in counts.items() if n < MIN_ANSWERS}
    remainder = sum(counts[key] for key in hidden)
    if 0 < remainder < MIN_ANSWERS:
        visible = sorted((n, key) for key, n in counts.items() if key not in hidden)
        if visible:
            hidden.add(visible[0][1])
    return {key: (None if key in hidden else n) for key, n in counts.items()}


def _cell(levels: Iterable[int | None]) -> dict:
    levels = list(levels)
    known = [level for level in levels if level is not None]
    counts = {key: sum(1 for level in known if level in members) for key, _label, members in BUCKETS}
    counts[NVT] = len(levels) - len(known)
    return {
        "median": lower_median(known) if len(known) >= MIN_ANSWERS else None,
        "buckets": _suppress(counts),
    }


def summarise(answers: Iterable[Mapping[str, int | None]]) -> dict:
    """The frozen team result of a set of answers (levels per competence, None = n.v.t.)."""
    answers = list(answers)
    if len(answers) < MIN_ANSWERS:
        return {"version": SUMMARY_VERSION, "answers": None, "competences": None, "areas": None}
    competences = {code: _cell(a.get(code) for a in answers) for code in COMPETENCES}
    areas = {
        area: _cell(lower_median(a.get(code) for code in COMPETENCES_OF[area]) for a in answers)
        for area in AREAS
    }
    return {"version": SUMMARY_VERSION, "answers": len(answers), "competences": competences, "areas": areas}


@dataclass(frozen=True)
class Row:
    code: str
    name: str
    median: int | None
    buckets: dict[str, int | None]

    @property
    def median_code(self) -> str:
        return level_code(self.median) or HIDDEN

    @property
    def cells(self) -> list[str]:
        return [shown(self.buckets[key]) for key in BUCKET_LABELS]


@dataclass(frozen=True)
class TeamResult:
    """A closed round's result as read by views and exports: nothing here can be finer than the
    frozen summary it wraps."""

    summary: dict

    @property
    def enough(self) -> bool:
        return self.summary.get("answers") is not None

    @property
    def answers(self) -> str:
        return shown(self.summary.get("answers"))

    def rows(self) -> list[Row]:
        if not self.enough:
            return []
        data = self.summary["competences"]
        return [
            Row(code, COMPETENCE_NAMES[code], data[code]["median"], data[code]["buckets"]) for code in data
        ]

    def area_rows(self) -> list[Row]:
        if not self.enough:
            return []
        data = self.summary["areas"]
        return [Row(area, AREA_NAMES[area], data[area]["median"], data[area]["buckets"]) for area in data]

    def median(self, code: str) -> int | None:
        if not self.enough:
            return None
        return self.summary["competences"][code]["median"]

    def lowest(self, count: int = 3) -> list[str]:
        """Suggested priorities: the competences with the lowest median first (framework order on ties)."""
        known = [row for row in self.rows() if row.median is not None]
        return [row.code for row in sorted(known, key=lambda row: row.median)[:count]]

    def priorities(self, count: int = 3) -> list[dict]:
        """2–3 suggested priorities with the reason, in words."""
        rows = {row.code: row for row in self.rows()}
        result = []
        for code in self.lowest(count):
            row = rows[code]
            reason = f"laagste mediaan ({row.median_code})"
            if sum(1 for key, _l, _m in BUCKETS if row.buckets[key]) >= 2:
                reason += ", veel spreiding in het team"
            result.append({"code": code, "name": row.name, "median": row.median_code, "reason": reason})
        return result

    def extremes(self) -> dict:
        """The strongest and weakest competences (every competence sharing the top or bottom median)."""
        known = [row for row in self.rows() if row.median is not None]
        if not known:
            return {"strongest": [], "weakest": [], "top": None, "bottom": None}
        top = max(row.median for row in known)
        bottom = min(row.median for row in known)
        return {
            "strongest": [row for row in known if row.median == top],
            "weakest": [row for row in known if row.median == bottom],
            "top": level_code(top),
            "bottom": level_code(bottom),
        }

    def as_data(self) -> dict:
        if not self.enough:
            return {"answers": None, "profile": None, "message": TOO_FEW}
        return {
            "answers": self.summary["answers"],
            "profile": {
                row.code: {"median": level_code(row.median), "distribution": dict(row.buckets)}
                for row in self.rows()
            },
            "areas": {
                row.code: {"median": level_code(row.median), "distribution": dict(row.buckets)}
                for row in self.area_rows()
            },
        }


def from_data(data: dict) -> dict:
    """A frozen summary back from ``TeamResult.as_data`` (an imported plan's rounds), refusing any
    cell under five: an import can never bring in what summarise would have hidden. ValueError if not."""
    if data.get("profile") is None:
        return summarise([])
    answers = data.get("answers")
    if isinstance(answers, bool) or not isinstance(answers, int) or answers < MIN_ANSWERS:
        raise ValueError("answers")

    def cells(source: dict, codes: tuple[str, ...]) -> dict:
        if not isinstance(source, dict) or set(source) != set(codes):
            raise ValueError("codes")
        out = {}
        for code in codes:
            item = source[code]
            median = item.get("median")
            buckets = item.get("distribution")
            if median is not None and median not in LEVELS:
                raise ValueError("median")
            if not isinstance(buckets, dict) or set(buckets) != set(BUCKET_LABELS):
                raise ValueError("distribution")
            for value in buckets.values():
                if value is not None and (
                    isinstance(value, bool) or not isinstance(value, int) or value < MIN_ANSWERS
                ):
                    raise ValueError("distribution")
            out[code] = {"median": LEVELS.index(median) if median else None, "buckets": dict(buckets)}
        return out

    return {
        "version": SUMMARY_VERSION,
        "answers": answers,
        "competences": cells(data["profile"], COMPETENCES),
        "areas": cells(data.get("areas"), AREAS),
    }


def round_result(team_round) -> TeamResult | None:
    """The team result of a round: None while it is open (nobody sees a result that can still change)."""
    if team_round.is_open or team_round.result is None:
        return None
    return TeamResult(team_round.result)


def movement(before: TeamResult, after: TeamResult) -> dict[str, int]:
    """Per competence, how many levels the median moved between two closed rounds."""
    if not (before.enough and after.enough):
        return {}
    changes = {}
    for code in COMPETENCES:
        then, now = before.median(code), after.median(code)
        if now is not None and then is not None:
            changes[code] = now - then
    return changes
