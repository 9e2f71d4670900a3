"""Benchmark: the time to compute a self-assessment's recommendations over N synthetic fiches.

    .venv/bin/python bench/recommendations.py --pages 10000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench10k .venv/bin/python bench/recommendations.py --pages 10000

Reuses bench/search.py's database and synthetic fiches (created, with the index, when missing). Each
run scores 200 random level profiles and times `recommend(score)`: three priority competences, up
to five offers each, through search.service. "cold" starts a new index version before each profile
(every search reaches the database, as for the first visitor after an edit; the taxonomy vocabulary
stays cached, as it does until a taxonomy changes); "warm" keeps the cache (browse answers are
cached per index version, as in production). Prints p50/p95 for both; the last line
is one JSON object.
"""

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.search import configure, percentile, prepare  # noqa: E402


def profiles(count: int, seed: int = 14):
    from selfassessment.framework import COMPETENCES

    rng = random.Random(seed)
    result = []
    for _ in range(count):
        levels = {code: (None if rng.random() < 0.05 else rng.randint(0, 5)) for code in COMPETENCES}
        marked = set(rng.sample(COMPETENCES, rng.randint(0, 2)))
        result.append((levels, marked))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="number of synthetic fiches")
    parser.add_argument("--profiles", type=int, default=200)
    args = parser.parse_args()
    configure(args.pages)

    from django.db import connection

    from search.cache import bump_index_version
    from selfassessment.recommendations import recommend
    from selfassessment.scoring import score

    prepare(args.pages)
    workload = [score(levels, marked) for levels, marked in profiles(args.profiles)]
    for item in workload[:5]:  # warm connections and the facet vocabulary
        recommend(item)

    timings: dict[str, list[float]] = {"cold": [], "warm": []}
    offers = []
    for mode in ("cold", "warm"):
        for item in workload:
            if mode == "cold":
                bump_index_version()
            started = time.perf_counter()
            result = recommend(item)
            timings[mode].append((time.perf_counter() - started) * 1000)
            offers.append(sum(len(r.offers) for r in result))

    backend = f"database:{connection.vendor}"
    summary = {"pages": args.pages, "backend": backend, "profiles": args.profiles}
    for mode, values in timings.items():
        summary[f"{mode}_p50_ms"] = round(statistics.median(values), 1)
        summary[f"{mode}_p95_ms"] = round(percentile(values, 0.95), 1)
    print(
        f"{args.profiles} profiles over {args.pages} fiches on {backend}; "
        f"median offers per result {statistics.median(offers):.0f}"
    )
    print(f"recommendations, cold cache: p50 {summary['cold_p50_ms']} ms, p95 {summary['cold_p95_ms']} ms")
    print(f"recommendations, warm cache: p50 {summary['warm_p50_ms']} ms, p95 {summary['warm_p95_ms']} ms")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
