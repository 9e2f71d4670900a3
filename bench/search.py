"""Benchmark: the portal's faceted search against plain Wagtail search, over N synthetic fiches.

    .venv/bin/python bench/search.py --pages 10000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench10k .venv/bin/python bench/search.py --pages 10000

Uses the database named by DATABASE_URL (default: SQLite at var/bench-<N>.sqlite3), creating it, its
tables, the synthetic fiches and both indexes when missing; a second run reuses them. Runs 200 mixed
queries (Dutch text plus 0-3 filters, facet counts included) through search.service, and the same
texts through Wagtail's `Page.objects.live().search(q)`, and prints p50/p95 for both. The last line
is one JSON object.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def configure(pages: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    if "DATABASE_URL" not in os.environ:
        (ROOT / "var").mkdir(exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / f'bench-{pages}.sqlite3'}"
    _create_postgres_database(os.environ["DATABASE_URL"])
    import django

    django.setup()


def _create_postgres_database(url: str) -> None:
    if not url.startswith(("postgres://", "postgresql://")):
        return
    from bench.fresh_db import postgres_admin

    admin, name = postgres_admin(url)
    if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
        admin.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def prepare(pages: int, reindex: bool = False) -> None:
    from django.core.management import call_command
    from wagtail.models import Page

    from bench.synthetic import create_fiches
    from search.indexing import rebuild
    from search.models import SearchDocument

    call_command("migrate", verbosity=0)
    added = create_fiches(pages)
    live_fiches = Page.objects.live().type(_fiche_models()).count()
    if reindex or added or SearchDocument.objects.count() != live_fiches:
        started = time.perf_counter()
        rebuild(progress=lambda line: None)
        print(
            f"portal index: {SearchDocument.objects.count()} documents in {time.perf_counter() - started:.1f} s"
        )
    from wagtail.search.models import IndexEntry

    if added or IndexEntry.objects.count() < live_fiches:
        started = time.perf_counter()
        call_command("wagtail_update_index", verbosity=0)
        print(f"wagtail index: rebuilt in {time.perf_counter() - started:.1f} s")


def _fiche_models():
    from search.indexing import INDEXED_MODELS

    return tuple(INDEXED_MODELS)


def queries(count: int, seed: int = 7):
    from bench.synthetic import TOPICS
    from search.facets import FACETS, vocabulary
    from search.params import SearchParams

    rng = random.Random(seed)
    known = vocabulary()
    result = []
    for _ in range(count):
        words = rng.choice(TOPICS).split() + ([rng.choice(TOPICS).split()[0]] if rng.random() < 0.3 else [])
        q = " ".join(words)
        if rng.random() < 0.3 and len(words[-1]) > 5:
            q = q[: -rng.randint(2, 4)]  # still typing: the last word is a prefix
        filters = {}
        for facet in rng.sample([f for f in FACETS if known[f.name]], rng.randint(0, 3)):
            values = list(known[facet.name])
            filters[facet.name] = tuple(rng.sample(values, min(len(values), rng.randint(1, 2))))
        result.append(SearchParams(q=q, filters=filters))
    return result


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="number of synthetic fiches")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument(
        "--reindex", action="store_true", help="rebuild the portal's index even if it looks complete"
    )
    parser.add_argument(
        "--baseline-queries",
        type=int,
        default=None,
        help="time the plain Wagtail search on only the first N queries (it can take seconds each on SQLite; 0: skip it)",
    )
    parser.add_argument(
        "--prepare-only", action="store_true", help="only create the database (bench/http_ratio.py)"
    )
    args = parser.parse_args()
    configure(args.pages)

    from django.db import connection
    from wagtail.models import Page

    from search.service import search

    prepare(args.pages, reindex=args.reindex)
    if args.prepare_only:
        return
    workload = queries(args.queries)
    baseline_count = len(workload) if args.baseline_queries is None else args.baseline_queries
    for params in workload[:10]:  # warm caches and connections
        search(params)
    for params in workload[: min(3, baseline_count)]:
        list(Page.objects.live().search(params.q)[:20])

    portal, baseline, totals = [], [], []
    for params in workload:
        started = time.perf_counter()
        result = search(params)
        portal.append((time.perf_counter() - started) * 1000)
        totals.append(result.total)
    for params in workload[:baseline_count]:
        started = time.perf_counter()
        list(Page.objects.live().search(params.q)[:20])
        baseline.append((time.perf_counter() - started) * 1000)

    backend = f"database:{connection.vendor}"
    summary = {
        "pages": args.pages,
        "backend": backend,
        "p50_ms": round(statistics.median(portal), 1),
        "p95_ms": round(percentile(portal, 0.95), 1),
        "baseline_p50_ms": round(statistics.median(baseline), 1) if baseline else None,
        "baseline_p95_ms": round(percentile(baseline, 0.95), 1) if baseline else None,
    }
    print(
        f"{args.queries} queries over {args.pages} fiches on {backend}; median hits {statistics.median(totals):.0f}"
    )
    print(
        f"portal search (text + filters + all facet counts): p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms"
    )
    if baseline:
        print(
            f"plain Wagtail Page.objects.live().search(q):       p50 {summary['baseline_p50_ms']} ms, p95 {summary['baseline_p95_ms']} ms"
        )
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
