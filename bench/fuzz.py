"""Fuzz run by hand: many random requests over every public endpoint, counting server errors.

    .venv/bin/python bench/fuzz.py --requests 10000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_fuzz .venv/bin/python bench/fuzz.py --requests 10000

The requests come from the same Hypothesis strategies as tests/discovery/test_fuzz_public_endpoints.py (every
endpoint, its parameters, NUL bytes, quotes, huge numbers, real codes), sent through Django's test
client with the test settings to the database named by DATABASE_URL (default: SQLite at
var/bench-fuzz.sqlite3), which gets the real inventory first. Prints the count of 5xx answers and a
few of them; the last line is one JSON object.
"""

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def configure() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    if "DATABASE_URL" not in os.environ:
        (ROOT / "var").mkdir(exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / 'bench-fuzz.sqlite3'}"
    from bench.search import _create_postgres_database

    _create_postgres_database(os.environ["DATABASE_URL"])
    import django

    django.setup()


def prepare() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_inventory", verbosity=0)
    call_command("update_index", "--if-empty", "--skip-wagtail", verbosity=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    configure()
    prepare()

    import logging

    from django.db import connection
    from django.test import Client
    from hypothesis import HealthCheck, Phase, given, seed, settings

    from tests.discovery.test_fuzz_public_endpoints import requests

    logging.disable(logging.CRITICAL)  # 4xx warnings of every bad request would flood the output
    client = Client(raise_request_exception=False)
    statuses, failures = Counter(), []
    started = time.perf_counter()

    @seed(args.seed)
    @settings(
        max_examples=args.requests,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(request=requests())
    def send(request):
        path, query = request
        url = f"{path}?{query}" if query else path
        status = client.get(url).status_code
        statuses[status // 100 * 100] += 1
        if status >= 500 and len(failures) < 20:
            failures.append(url)

    send()
    elapsed = time.perf_counter() - started
    total = sum(statuses.values())
    print(f"{total} requests on {connection.vendor} in {elapsed:.0f} s")
    print("by status class: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))
    print(f"server errors: {statuses[500]}")
    for url in failures:
        print(f"  5xx: {url}")
    summary = {
        "engine": connection.vendor,
        "requests": total,
        "server_errors": statuses[500],
        "by_status": {str(k): v for k, v in sorted(statuses.items())},
        "seconds": round(elapsed, 1),
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
