"""The scoring rule: competence = chosen option, area and overall = lower median, priorities."""

import pytest

from selfassessment.framework import COMPETENCES, COMPETENCES_OF
from selfassessment.scoring import improvements, lower_median, priorities, score


def all_at(level):
    return {code: level for code in COMPETENCES}


@pytest.mark.parametrize(
    ("levels", "median"),
    [
        ([2], 2),
        ([1, 3], 1),  # even count: the lower middle value, never rounded up
        ([0, 4, 5], 4),
        ([5, 0, 2, 3], 2),
        ([None, 3, None], 3),  # "niet van toepassing" does not count
        ([None, None], None),
        ([], None),
    ],
)
def test_lower_median(levels, median):
    assert lower_median(levels) == median


def test_area_level_is_the_lower_median_of_its_competences():
    levels = all_at(2) | {"3.1": 0, "3.2": 1, "3.3": 4, "3.4": 5}
    result = score(levels)
    assert result.areas["3"] == 1
    assert result.areas["1"] == 2
    assert result.competences["3.3"] == 4


def test_overall_is_the_lower_median_of_all_competences():
    levels = {code: (0 if i < 11 else 5) for i, code in enumerate(COMPETENCES)}
    assert score(levels).overall == 0
    levels = {code: (0 if i < 10 else 5) for i, code in enumerate(COMPETENCES)}
    assert score(levels).overall == 5


def test_not_applicable_is_left_out_everywhere():
    levels = all_at(None) | {"2.1": 3}
    result = score(levels)
    assert result.areas["2"] == 3
    assert result.areas["1"] is None
    assert result.overall == 3
    assert result.priorities == ("2.1",)


def test_priorities_are_the_lowest_then_the_teachers_marks():
    levels = all_at(3) | {"4.2": 0, "6.1": 1, "5.3": 1}
    # the two lowest: 4.2 (A1), then 5.3 before 6.1 (framework order); the third is the next lowest
    assert priorities(levels) == ("4.2", "5.3", "6.1")
    # a mark breaks the tie between 5.3 and 6.1, and a marked competence takes the third place
    assert priorities(levels, marked={"6.1"}) == ("4.2", "6.1", "5.3")
    assert priorities(levels, marked={"1.1"}) == ("4.2", "5.3", "1.1")


def test_score_ignores_marks_of_unknown_competences():
    assert score(all_at(2), marked={"9.9", "1.2"}).marked == {"1.2"}


def test_improvements_compare_competences_and_areas():
    before = score(all_at(1))
    after = score(all_at(1) | {code: 3 for code in COMPETENCES_OF["2"]})
    changes = improvements(before, after)
    assert changes["2.1"] == 2 and changes["2"] == 2 and changes["1.1"] == 0


def test_json_shape_uses_level_codes():
    shape = score(all_at(1) | {"3.2": None}).as_codes()
    assert shape["competences"]["2.1"] == "A2"
    assert shape["competences"]["3.2"] is None
    assert shape["areas"]["2"] == "A2"
    assert shape["overall"] == "A2"
    assert len(shape["priorities"]) == 3
