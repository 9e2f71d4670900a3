"""Benchmark: what the first search after a publish pays for the spelling vocabulary.

    .venv/bin/python bench/spelling_vocabulary.py --pages 10000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench100k .venv/bin/python bench/spelling_vocabulary.py --pages 100000

On the benchmark database of bench/search.py (prepared the same way), times in interleaved rounds
the two ways to get every indexed word with its document count: a pass over every document (how it
was made before search/words.py) and one read of the words kept at index time (how it is made now),
and checks they agree. Also times indexing one fiche again, which now keeps the words up to date.
The last line is one JSON object.
"""

import json
import statistics
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search import first_indexed_action, rounds_on_bench_database, timed_call  # noqa: E402


def from_the_documents() -> dict[str, int]:
    from search.models import SearchDocument
    from search.words import words_of

    counts: Counter[str] = Counter()
    rows = SearchDocument.objects.values_list("title", "summary", "body", "keywords")
    for row in rows.iterator(chunk_size=2000):
        counts.update(words_of(*row))
    return dict(counts)


def from_the_table() -> dict[str, int]:
    from search.words import frequencies

    return frequencies()


def reindex_one() -> None:
    from search.indexing import index_pages

    index_pages([first_indexed_action()])


def main() -> None:
    args = rounds_on_bench_database(__doc__)
    passes, reads, reindexes = [], [], []
    for round_number in range(args.rounds):
        order = [("pass", from_the_documents), ("read", from_the_table)]
        if round_number % 2:
            order.reverse()
        results = {}
        for name, function in order:
            ms, results[name] = timed_call(function)
            (passes if name == "pass" else reads).append(ms)
        assert results["pass"] == results["read"], "the kept words differ from the documents'"
        reindexes.append(timed_call(reindex_one)[0])
    words = len(results["read"])
    summary = {
        "pages": args.pages,
        "words": words,
        "pass_ms": round(statistics.median(passes), 1),
        "read_ms": round(statistics.median(reads), 1),
        "ratio": round(statistics.median(reads) / statistics.median(passes), 4),
        "reindex_one_ms": round(statistics.median(reindexes), 1),
    }
    print(
        f"{words} words; pass over the documents {summary['pass_ms']} ms, read of the kept words "
        f"{summary['read_ms']} ms ({summary['ratio']:.3f}x); indexing one fiche {summary['reindex_one_ms']} ms"
    )
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
