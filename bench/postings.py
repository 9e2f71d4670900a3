"""Benchmark: what the postings (search/postings.py) save a search, and what they cost a publish.

    .venv/bin/python bench/postings.py --pages 10000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench100k .venv/bin/python bench/postings.py --pages 100000

On the benchmark database of bench/search.py (prepared the same way), in interleaved rounds:

- a term's documents the first time after an index change: one read of the posting (now) against
  a full-text lookup (before), for the 40 commonest words of the index and 40 prefixes, checked equal;
- the facet bitmaps after an index change: their postings (now) against grouping the facet-value
  table (before), checked equal;
- indexing one fiche again with the postings kept up to date (now) and without (before).

The "before" statements are the ones the portal ran until the postings came; they live here only.
The last line is one JSON object.
"""

import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search import first_indexed_action, rounds_on_bench_database, timed_call  # noqa: E402

COMMON_WORDS = 40


def sample_keys() -> list[str]:
    """The commonest words (the costly lookups) and a prefix of each."""
    from search.words import frequencies

    common = sorted(frequencies().items(), key=lambda item: -item[1])[:COMMON_WORDS]
    words = [word for word, _ in common]
    return words + [f"{word[:4]}*" for word in words if len(word) > 4]


def full_text_sets(keys: list[str]) -> dict:
    """Before: each key's documents from the full-text index, all keys in one statement."""
    from django.db import connection
    from pyroaring import BitMap

    if connection.vendor == "postgresql":
        sql = (
            "SELECT q.key, string_agg(d.page_id::text, ',') FROM unnest(%s::text[], %s::text[]) AS q(key, query) "
            "LEFT JOIN search_searchdocument d ON d.vector @@ to_tsquery('simple', q.query) GROUP BY q.key"
        )
        args = [keys, [f"{key[:-1]}:*" if key.endswith("*") else key for key in keys]]
    else:
        select = "SELECT %s, (SELECT group_concat(rowid, ',') FROM search_fts WHERE search_fts MATCH %s)"
        sql = " UNION ALL ".join([select] * len(keys))
        args = [a for key in keys for a in (key, f'"{key[:-1]}"*' if key.endswith("*") else f'"{key}"')]
    with connection.cursor() as cursor:
        cursor.execute(sql, args)
        rows = cursor.fetchall()
    return {key: BitMap(map(int, joined.split(","))) if joined else BitMap() for key, joined in rows}


def posting_sets(keys: list[str]) -> dict:
    from search.postings import key_sets

    return key_sets(keys, "all")


def facet_table_bitmaps() -> dict:
    """Before: every facet value's documents by grouping the facet-value table."""
    from django.db import connection
    from pyroaring import BitMap

    aggregate = (
        "string_agg(document_id::text, ',')"
        if connection.vendor == "postgresql"
        else "group_concat(document_id, ',')"
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT facet, value, {aggregate} FROM search_searchfacetvalue GROUP BY facet, value")
        rows = cursor.fetchall()
    values: dict = {}
    for facet, value, joined in rows:
        values.setdefault(facet, {})[value] = BitMap(map(int, joined.split(",")))
    return values


def posting_bitmaps() -> dict:
    from search.bitmaps import build

    return build().values


def reindex_one(keep_postings: bool):
    from search import postings
    from search.indexing import index_pages

    page = first_indexed_action()

    def run():
        index_pages([page], None if keep_postings else postings.Collector())

    return run


def main() -> None:
    args = rounds_on_bench_database(__doc__)
    keys = sample_keys()
    pairs = {
        "term sets": (lambda: full_text_sets(keys), lambda: posting_sets(keys)),
        "facet bitmaps": (facet_table_bitmaps, posting_bitmaps),
        "index one fiche": (reindex_one(False), reindex_one(True)),
    }
    times: dict[str, dict[str, list[float]]] = {name: {"before": [], "now": []} for name in pairs}
    for round_number in range(args.rounds):
        for name, (before, now) in pairs.items():
            order = [("before", before), ("now", now)]
            if round_number % 2:
                order.reverse()
            results = {}
            for label, function in order:
                ms, results[label] = timed_call(function)
                times[name][label].append(ms)
            if name != "index one fiche":
                assert results["before"] == results["now"], f"{name}: the postings differ from the index"
        # The last index update kept the postings, so the next round's lookups are as after a publish.
    summary = {"pages": args.pages, "keys": len(keys)}
    for name, measured in times.items():
        before, now = (statistics.median(measured[label]) for label in ("before", "now"))
        slug = name.replace(" ", "_")
        summary[f"{slug}_before_ms"] = round(before, 1)
        summary[f"{slug}_now_ms"] = round(now, 1)
        summary[f"{slug}_ratio"] = round(now / before, 3)
        print(f"{name}: before {before:.1f} ms, now {now:.1f} ms ({now / before:.3f}x)")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
