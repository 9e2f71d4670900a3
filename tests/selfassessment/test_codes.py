"""The result code: round trip, old versions keep decoding, tampering and truncation are detected."""

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfassessment import codes
from selfassessment.framework import COMPETENCES

LEVEL = st.one_of(st.none(), st.integers(min_value=0, max_value=5))
LEVELS = st.fixed_dictionaries({code: LEVEL for code in COMPETENCES})
MARKS = st.sets(st.sampled_from(COMPETENCES))

# Codes issued by each version and what they must always decode to: (code, levels in framework
# order, one character per competence: the level index or "-" for none, marked competences).
# Never change a row: someone bookmarked that code. A new version adds its own rows.
GOLDEN_CODES = {
    1: [
        ("100000000000000000358H3R", "0000000000000000000000", ()),
        ("1145H8G9R0PXDG00100FKQ98", "1111111111111111111111", ("3.2",)),
        ("136JJT6FDSC01T80006WGETG", "0123450123450123450123", ("1.1", "6.5")),
        ("16S17K1TG49GH000003TC40R", "----------------------", ()),
        ("162GS8G7W4FY6R050207VFA0", "5-4-3-2-1-0-5-4-3-2-1-", ("2.1", "4.3", "5.2")),
    ]
}


def golden_levels(text):
    return {code: (None if char == "-" else int(char)) for code, char in zip(COMPETENCES, text, strict=True)}


@given(LEVELS, MARKS)
def test_round_trip(levels, marked):
    code = codes.encode(levels, marked)
    decoded = codes.decode(code)
    assert decoded.levels == levels
    assert decoded.marked == marked
    assert decoded.version == codes.CURRENT_VERSION
    assert len(code) == 24 and code.isalnum() and code == code.upper()


def test_the_frozen_order_is_the_frameworks():
    assert codes.V1_COMPETENCES == COMPETENCES


def test_every_version_has_golden_codes():
    assert set(codes.DECODERS) == set(GOLDEN_CODES)


@pytest.mark.parametrize(
    ("version", "code", "levels", "marked"),
    [(version, *row) for version, rows in GOLDEN_CODES.items() for row in rows],
)
def test_golden_codes_still_decode(version, code, levels, marked):
    decoded = codes.decode(code)
    assert decoded.version == version
    assert decoded.levels == golden_levels(levels)
    assert decoded.marked == set(marked)
    if version == codes.CURRENT_VERSION:
        assert codes.encode(decoded.levels, decoded.marked) == code


def test_pasted_codes_are_forgiving():
    code = codes.encode({"1.1": 3}, {"1.1"})
    spaced = " ".join(code[i : i + 4] for i in range(0, len(code), 4)).lower()
    assert codes.decode(spaced).levels["1.1"] == 3
    assert codes.decode("-".join([code[:12], code[12:]])).marked == {"1.1"}


@pytest.mark.parametrize(
    "bad",
    ["", "   ", "1", "1ABC", "9" + "0" * 23, "Z" * 24, "1" + "!" * 23, "1" + "U" * 23, "x" * 500],
)
def test_unreadable_codes_raise_a_dutch_message(bad):
    with pytest.raises(codes.InvalidCode) as info:
        codes.decode(bad)
    assert "code" in str(info.value).lower()


def test_truncated_or_extended_codes_are_rejected():
    code = codes.encode({c: 2 for c in COMPETENCES})
    for broken in (code[:-1], code[:12], code + "0"):
        with pytest.raises(codes.InvalidCode):
            codes.decode(broken)


def test_every_single_character_change_is_detected():
    rng = random.Random(14)
    code = codes.encode({c: rng.choice([None, 0, 1, 2, 3, 4, 5]) for c in COMPETENCES}, {"3.2"})
    for position in range(1, len(code)):
        for char in codes.ALPHABET:
            if char == code[position]:
                continue
            tampered = code[:position] + char + code[position + 1 :]
            with pytest.raises(codes.InvalidCode):
                codes.decode(tampered)
