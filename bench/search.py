"""Benchmark: the portal's faceted search against plain Wagtail search, over N synthetic fiches.

    .venv/bin/python bench/search.py --pages 10000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench10k .venv/bin/python bench/search.py --pages 10000

Uses the database named by DATABASE_URL (default: SQLite at var/bench-<N>.sqlite3), creating it, its
tables, the synthetic fiches (all four kinds, bench/synthetic.py) and both indexes when missing; a
second run reuses them. On PostgreSQL the portal's index and Wagtail's are built at the same time, in
two processes.

The workload: `--queries` distinct queries drawn from a Dutch teacher's vocabulary with a Zipf
frequency (bench/vocabulary.py): one to three words or a theme, sometimes still being typed (the last
word a prefix), with 0-3 filters; a fifth have no text, only filters. Each query runs through the
portal's `search.service.search(params)` (hits, total and every facet count, interpreted as on the
search page) and through plain Wagtail `Page.objects.live().search(q)` (the first 20 hits and the
count; without text: MATCH_ALL, as Wagtail has no filters on taxonomies), interleaved query by
query, the side that goes first alternating. Before that, `--warmup` other queries run on both sides
untimed. Prints p50/p95 and the median and mean result totals of both; the last line is one JSON object.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
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


def prepare(pages: int, reindex: bool = False) -> float:
    """Create what is missing; returns the seconds it took (0 when all was there)."""
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Page
    from wagtail.search.models import IndexEntry

    from bench.synthetic import create_fiches
    from search.indexing import rebuild
    from search.models import SearchDocument

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    added = create_fiches(pages, progress=_every(10_000))
    if added:
        print(f"synthetic fiches: {added} added in {time.perf_counter() - started:.1f} s (with migrations)")
    live_fiches = Page.objects.live().type(_fiche_models()).count()
    portal_needed = reindex or added or SearchDocument.objects.count() != live_fiches
    wagtail_needed = added or IndexEntry.objects.count() < live_fiches
    wagtail = None
    if wagtail_needed and connection.vendor == "postgresql":
        # Its own process and connection, beside the portal's rebuild (SQLite has one writer).
        wagtail = subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), "wagtail_update_index", "--verbosity", "0"],
            env=os.environ.copy(),
        )
    wagtail_started = time.perf_counter()
    if portal_needed:
        portal_started = time.perf_counter()
        rebuild(progress=lambda line: None)
        print(
            f"portal index: {SearchDocument.objects.count()} documents in {time.perf_counter() - portal_started:.1f} s"
        )
    if wagtail is not None:
        if wagtail.wait():
            sys.exit("wagtail_update_index failed")
    elif wagtail_needed:
        wagtail_started = time.perf_counter()
        call_command("wagtail_update_index", verbosity=0)
    if wagtail_needed:
        print(
            f"wagtail index: {IndexEntry.objects.count()} entries, done {time.perf_counter() - wagtail_started:.1f} s after it started"
        )
    took = time.perf_counter() - started if (added or portal_needed or wagtail_needed) else 0.0
    if took:
        print(f"set-up: {took:.1f} s")
    return took


def rounds_on_bench_database(doc: str) -> argparse.Namespace:
    """For the smaller benches on this bench's database: parse --pages and --rounds, then set up
    Django on that database and create what is missing."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="number of synthetic fiches")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds")
    args = parser.parse_args()
    configure(args.pages)
    prepare(args.pages)
    return args


def timed_call(function) -> tuple[float, object]:
    """(milliseconds, result) of one call, for the smaller benches."""
    started = time.perf_counter()
    result = function()
    return (time.perf_counter() - started) * 1000, result


def first_indexed_action():
    """The fiche the smaller benches index again: the first live action, with its prefetches."""
    from actors.models import ActionPage
    from search.indexing import live_fiches

    return live_fiches(ActionPage).order_by("pk").first()


def _every(step: int):
    def progress(line: str) -> None:
        done = int(line.rsplit(" ", 1)[-1].split("/")[0])
        if done % step == 0:
            print(line, flush=True)

    return progress


def _fiche_models():
    from portal.fiche import fiche_kinds

    return tuple(fiche_kinds())


def queries(count: int, seed: int = 7, interpret: bool = True):
    """`count` distinct SearchParams: Zipf-drawn words and themes, 0-3 filters, a fifth without text."""
    from bench import vocabulary
    from search.facets import FACETS
    from search.facets import vocabulary as facet_values
    from search.params import SearchParams

    rng = random.Random(seed)
    known = facet_values()
    facets = [facet for facet in FACETS if len(known[facet.name]) > 1]
    result, seen = [], set()
    while len(result) < count:
        text = ""
        if rng.random() >= 0.2:
            if rng.random() < 0.35:
                words = vocabulary.topic(rng).split()
            else:
                words = [vocabulary.content_word(rng) for _ in range(rng.choice([1, 1, 1, 2, 2, 3]))]
            if rng.random() < 0.2 and len(words[-1]) > 5:
                words[-1] = words[-1][: -rng.randint(2, 4)]  # still typing: the last word is a prefix
            text = " ".join(words)
        wanted = rng.choices([0, 1, 2, 3], weights=[50, 25, 15, 10])[0] if text else rng.randint(1, 3)
        filters = {}
        for facet in rng.sample(facets, wanted):
            values = list(known[facet.name])
            filters[facet.name] = tuple(sorted(rng.sample(values, min(len(values), rng.choice([1, 1, 2])))))
        key = (text.lower(), tuple(sorted(filters.items())))
        if key in seen:
            continue
        seen.add(key)
        result.append(SearchParams(q=text, filters=filters, interpret=interpret))
    return result


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def run_portal(params) -> int:
    from search.service import search

    return search(params).total


def run_wagtail(params) -> int:
    from modelsearch.query import MATCH_ALL
    from wagtail.models import Page

    results = Page.objects.live().search(params.q or MATCH_ALL)
    list(results[:20])
    return results.count()


def timed(function, params) -> tuple[float, int]:
    started = time.perf_counter()
    total = function(params)
    return (time.perf_counter() - started) * 1000, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="number of synthetic fiches")
    parser.add_argument("--queries", type=int, default=200, help="timed queries, all distinct")
    parser.add_argument("--warmup", type=int, default=20, help="untimed queries first, on both sides")
    parser.add_argument(
        "--literal", action="store_true", help="the portal takes the words as typed (interpret=0)"
    )
    parser.add_argument(
        "--reindex", action="store_true", help="rebuild the portal's index even if it looks complete"
    )
    parser.add_argument(
        "--prepare-only", action="store_true", help="only create the database (bench/http_ratio.py)"
    )
    parser.add_argument(
        "--baseline-every",
        type=int,
        default=1,
        metavar="K",
        help="time plain Wagtail on every K-th query only (its count takes seconds at 100,000 fiches)",
    )
    args = parser.parse_args()
    configure(args.pages)

    from django.db import connection

    setup_s = prepare(args.pages, reindex=args.reindex)
    if args.prepare_only:
        return
    interpret = not args.literal
    everything = queries(args.warmup + args.queries, interpret=interpret)
    warmup, workload = everything[: args.warmup], everything[args.warmup :]
    for params in warmup:
        run_portal(params)
        run_wagtail(params)

    times = {"portal": [], "wagtail": []}
    totals = {"portal": [], "wagtail": []}
    sides = [("portal", run_portal), ("wagtail", run_wagtail)]
    for number, params in enumerate(workload):
        turn = sides if number % 2 == 0 else sides[::-1]
        if number % max(1, args.baseline_every):
            turn = sides[:1]
        for name, function in turn:
            ms, total = timed(function, params)
            times[name].append(ms)
            totals[name].append(total)

    backend = f"database:{connection.vendor}"
    summary = {"pages": args.pages, "backend": backend, "queries": len(workload), "warmup": len(warmup)}
    summary["without_text"] = sum(1 for params in workload if not params.q)
    summary["interpret"] = interpret
    summary["baseline_queries"] = len(times["wagtail"])
    for name, prefix in (("portal", ""), ("wagtail", "baseline_")):
        summary[f"{prefix}p50_ms"] = round(statistics.median(times[name]), 1)
        summary[f"{prefix}p95_ms"] = round(percentile(times[name], 0.95), 1)
        summary[f"{prefix}median_total"] = statistics.median(totals[name])
        summary[f"{prefix}mean_total"] = round(statistics.mean(totals[name]), 1)
    summary["p95_ratio"] = round(summary["p95_ms"] / summary["baseline_p95_ms"], 2)
    summary["setup_s"] = round(setup_s, 1)
    print(
        f"{len(workload)} distinct queries ({summary['without_text']} without text) over {args.pages} fiches "
        f"on {backend}, interleaved, after {len(warmup)} untimed warm-up queries on both sides"
    )
    print(
        f"portal search.service.search (text + filters + all facet counts): p50 {summary['p50_ms']} ms, "
        f"p95 {summary['p95_ms']} ms; hits median {summary['median_total']}, mean {summary['mean_total']}"
    )
    print(
        f"plain Wagtail Page.objects.live().search(q), 20 hits + count:     p50 {summary['baseline_p50_ms']} ms, "
        f"p95 {summary['baseline_p95_ms']} ms; hits median {summary['baseline_median_total']}, "
        f"mean {summary['baseline_mean_total']}"
    )
    print(f"portal p95 / plain p95: {summary['p95_ratio']}")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
