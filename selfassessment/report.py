"""One result as plain data: the score, its code and the recommendations. The HTML page, the PDF,
the JSON export and the API are renderings of it."""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from . import codes
from .recommendations import Recommendation, recommend
from .scoring import Score, score


@dataclass(frozen=True)
class Report:
    score: Score
    code: str
    recommendations: list[Recommendation]

    def as_json(self, absolute: Callable[[str], str] = str) -> dict:
        return {
            **self.score.as_codes(),
            "marked": sorted(self.score.marked),
            "code": self.code,
            "result_url": absolute(f"/zelfevaluatie/resultaat/{self.code}/"),
            "recommendations": [item.as_json(absolute) for item in self.recommendations],
        }


def build_report(levels: Mapping[str, int | None], marked: Iterable[str] = ()) -> Report:
    result = score(levels, marked)
    return Report(
        score=result,
        code=codes.encode(result.competences, result.marked),
        recommendations=recommend(result),
    )


def report_for_code(code: str) -> Report:
    """Raises codes.InvalidCode for a code that cannot be read."""
    decoded = codes.decode(code)
    return build_report(decoded.levels, decoded.marked)
