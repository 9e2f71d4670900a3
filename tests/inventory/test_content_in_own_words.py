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


# A report reference: appendix fiches ("B.6.16", "B.7.6", "B.8") and sections ("4.2.7", "3.1.2.4").
REPORT_CODE = re.compile(r"\b([A-C]\.\d+(\.\d+)*|\d+\.\d+\.\d+(\.\d+)*)\b")


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def test_report_codes_stand_only_in_the_source_line():
    from inventory.files import read_entries

    found = []
    for entries in read_entries(DEFAULT_DATA_DIR).values():
        for entry in entries:
            for key, value in entry.data.items():
                if key == "source":  # shown as the fiche's small source line
                    continue
                found += [
                    (entry.label, key, m.group()) for t in _texts(value) for m in REPORT_CODE.finditer(t)
                ]
    assert found == []
