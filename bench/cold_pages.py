"""Benchmark: the home page and the landscape right after a publish, and with an empty cache.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench10k .venv/bin/python bench/cold_pages.py --pages 10000

On the benchmark database of bench/search.py (prepared the same way), renders each page in process
(Django's test client, page cache off as in the test settings) in interleaved rounds: warm, right
after a publish (the content version moved on: what every publish does), and with the whole cache
emptied (a restarted Redis). Prints the median and the worst time and the number of SQL queries of
each; the last line is one JSON object.
"""

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search import rounds_on_bench_database  # noqa: E402

PAGES = {"home": "/", "landscape": "/landschap/"}


def main() -> None:
    args = rounds_on_bench_database(__doc__)
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from search.cache import bump_index_version

    client = Client()
    states = {"warm": lambda: None, "after a publish": bump_index_version, "empty cache": cache.clear}
    times = {(page, state): [] for page in PAGES for state in states}
    queries = {}
    for url in PAGES.values():
        client.get(url)  # the process's first render (templates, imports) is no visitor's
    for _round in range(args.rounds):
        for state, make in states.items():
            for page, url in PAGES.items():
                client.get(url)
                make()
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    assert client.get(url).status_code == 200
                    times[(page, state)].append((time.perf_counter() - started) * 1000)
                queries[(page, state)] = len(captured.captured_queries)
    summary = {}
    for (page, state), values in times.items():
        median, worst = statistics.median(values), max(values)
        print(
            f"{page:10} {state:16} median {median:7.1f} ms  worst {worst:7.1f} ms  {queries[(page, state)]} queries"
        )
        summary[f"{page}, {state}"] = {
            "median_ms": round(median, 1),
            "max_ms": round(worst, 1),
            "queries": queries[(page, state)],
        }
    print(json.dumps({"pages": args.pages, **summary}))


if __name__ == "__main__":
    main()
