"""Find runs of words that stand verbatim in the source documents.

The inventory is written in our own words; this check (used by a test and by writers of the
data) lists every run of ``n`` consecutive words that also occurs in a seed document.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
_WORD = re.compile(r"[a-zà-ÿ0-9]+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(text: str, n: int) -> set[str]:
    w = words(text)
    return {" ".join(w[i : i + n]) for i in range(len(w) - n + 1)}


def seed_shingles(n: int, seeds_dir: Path = SEEDS_DIR) -> set[str]:
    result: set[str] = set()
    for path in sorted(seeds_dir.glob("*.txt")):
        result |= shingles(path.read_text(errors="ignore"), n)
    return result


def copied_runs(text: str, source: set[str], n: int) -> list[str]:
    w = words(text)
    return [" ".join(w[i : i + n]) for i in range(len(w) - n + 1) if " ".join(w[i : i + n]) in source]


def main(argv: list[str]) -> int:
    n = 10
    source = seed_shingles(n)
    found = 0
    for name in argv:
        for run in copied_runs(Path(name).read_text(), source, n):
            print(f"{name}: {run}")
            found += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
