"""Benchmark: relevance of the portal's search against plain Wagtail search, as nDCG@10.

    .venv/bin/python bench/relevance.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/relevance .venv/bin/python bench/relevance.py

Loads the inventory (inventory/data/) into the database named by DATABASE_URL (default: SQLite at
var/bench-relevance.sqlite3), rebuilds both indexes, and runs the judged teacher queries of
tests/fixtures/relevance.yaml through the search page's service call (interpreted, as a visitor
gets it) and through Wagtail's `Page.objects.live().search(q)`. Prints nDCG@10 per query and the
means; the last line is one JSON object.
"""

import argparse
import json
import math
import os
import statistics
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
JUDGEMENTS = ROOT / "tests" / "fixtures" / "relevance.yaml"
DEPTH = 10


def configure() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    if "DATABASE_URL" not in os.environ:
        (ROOT / "var").mkdir(exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / 'bench-relevance.sqlite3'}"
    from bench.search import _create_postgres_database

    _create_postgres_database(os.environ["DATABASE_URL"])
    import django

    django.setup()


def prepare() -> None:
    from django.core.management import call_command

    from search.indexing import rebuild

    call_command("migrate", verbosity=0)
    call_command("load_inventory", verbosity=0)
    rebuild(progress=lambda line: None)  # always: the index terms follow the code under test
    call_command("wagtail_update_index", verbosity=0)


def ndcg(ranked: list[str], judged: dict[str, int], depth: int = DEPTH) -> float:
    gains = [judged.get(key, 0) for key in ranked[:depth]]
    dcg = sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(gains))
    ideal = sorted(judged.values(), reverse=True)[:depth]
    best = sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(ideal))
    return dcg / best if best else 0.0


def portal_ranking(q: str) -> list[str]:
    from search.params import SearchParams
    from search.service import search

    result = search(SearchParams(q=q, page_size=DEPTH, facets=False, interpret=True))
    return [f"{hit.type}/{hit.url_path.rstrip('/').rsplit('/', 1)[-1]}" for hit in result.hits]


def wagtail_ranking(q: str) -> list[str]:
    from wagtail.models import Page

    ranked = []
    for page in Page.objects.live().search(q)[: DEPTH * 3]:
        specific = page.specific
        kind = getattr(specific, "search_kind", "")
        if kind:  # the home and index pages are no fiches
            ranked.append(f"{kind}/{specific.slug}")
    return ranked[:DEPTH]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-prepare", action="store_true", help="reuse the database as it is")
    args = parser.parse_args()
    configure()
    if not args.no_prepare:
        prepare()
    from django.db import connection

    queries = yaml.safe_load(JUDGEMENTS.read_text(encoding="utf-8"))["queries"]
    portal, wagtail, by_kind = [], [], {}
    print(f"{'query':45} {'kind':12} {'portal':>7} {'wagtail':>8}")
    for item in queries:
        mine = ndcg(portal_ranking(item["q"]), item["judged"])
        theirs = ndcg(wagtail_ranking(item["q"]), item["judged"])
        portal.append(mine)
        wagtail.append(theirs)
        by_kind.setdefault(item["kind"], []).append(mine)
        print(f"{item['q'][:45]:45} {item['kind']:12} {mine:7.3f} {theirs:8.3f}")
    summary = {
        "queries": len(queries),
        "engine": connection.vendor,
        "portal_ndcg10": round(statistics.mean(portal), 3),
        "wagtail_ndcg10": round(statistics.mean(wagtail), 3),
        "portal_by_kind": {kind: round(statistics.mean(values), 3) for kind, values in by_kind.items()},
    }
    print(f"mean nDCG@{DEPTH}: portal {summary['portal_ndcg10']}, plain Wagtail {summary['wagtail_ndcg10']}")
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
