"""The instrument as the teacher walks through it: one step per DigCompEdu area, its questions in order."""

from dataclasses import dataclass

from portal.taxonomy import DigCompEduArea

from .models import CompetenceQuestion


@dataclass(frozen=True)
class Step:
    number: int  # 1-based
    area: DigCompEduArea
    questions: list[CompetenceQuestion]


def load_steps() -> list[Step]:
    """Two queries, whatever the number of questions."""
    areas = list(DigCompEduArea.objects.order_by("sort_order", "code"))
    by_area: dict[int, list[CompetenceQuestion]] = {area.pk: [] for area in areas}
    for question in CompetenceQuestion.objects.select_related("competence").order_by(
        "competence__sort_order", "competence__code"
    ):
        by_area.setdefault(question.competence.area_id, []).append(question)
    steps = [area for area in areas if by_area[area.pk]]
    return [Step(number, area, by_area[area.pk]) for number, area in enumerate(steps, start=1)]
