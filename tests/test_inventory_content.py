"""The inventory is written in our own words and names no private persons."""

import re
from pathlib import Path

import pytest

from inventory.copycheck import SEEDS_DIR, copied_runs, seed_shingles
from inventory.files import DEFAULT_DATA_DIR

DATA_FILES = sorted(DEFAULT_DATA_DIR.glob("*.yaml"))
REPORT = SEEDS_DIR / "000_1f7dc9e7031a10ee.txt"


@pytest.fixture(scope="module")
def seeds_present():
    if not REPORT.exists():
        pytest.skip(f"source documents not found at {SEEDS_DIR}: copy check skipped")


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_no_run_of_twelve_words_from_the_sources(seeds_present, path: Path):
    runs = copied_runs(path.read_text(), seed_shingles(12), 12)
    assert runs == [], f"{path.name} copies the sources word for word: {runs[:3]}"


def test_no_contact_person_of_the_report_is_named(seeds_present):
    from inventory.fiche_parser import parse_fiches, read_text

    names = set()
    for fiche in parse_fiches(read_text(REPORT)):
        for line in fiche.fields.get("contactpersoon", "").splitlines():
            # A person's name: two or more capitalised words, without an address or a number.
            line = re.sub(r"^[-•\s]*(Prof\.|Dr\.|ESR)?\s*", "", line).strip()
            if re.fullmatch(r"[A-ZÀ-Ý][\w'-]+( (van|de|der|den|Van|De|Vanden)?\s?[A-ZÀ-Ý][\w'-]+)+", line):
                names.add(line)
    assert len(names) > 20
    data = "\n".join(path.read_text() for path in DATA_FILES)
    assert [name for name in names if name in data] == []
