"""Benchmark: a bulk import of N sessions (default 1,000) spread over the inventory's actions, then the
same file again (the idempotent path), into a fresh database.

    .venv/bin/python bench/import_sessions.py [--sessions 1000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_sessions .venv/bin/python bench/import_sessions.py

Prints the timings; the last line is one JSON object.
"""

import argparse
import datetime
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.fresh_db import fresh_database  # noqa: E402


def feed(slugs: list[str], count: int) -> bytes:
    start = datetime.datetime(2031, 1, 6, 9, 0)
    rows = []
    for n in range(count):
        begin = start + datetime.timedelta(days=n // 10, hours=n % 10)
        rows.append(
            {
                "action": slugs[n % len(slugs)],
                "identifier": f"B-{n:05d}",
                "startDate": begin.isoformat(timespec="minutes"),
                "endDate": (begin + datetime.timedelta(hours=2)).isoformat(timespec="minutes"),
                "location": "Gent",
                "price": "20",
            }
        )
    return json.dumps(rows).encode()


def timed(content: bytes):
    from inventory.session_import import apply_import, plan_import, read_rows

    started = time.perf_counter()
    plan = plan_import(read_rows(content, "feed.json"))
    planned = time.perf_counter() - started
    report = apply_import(plan)
    return plan, report, planned, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=1000)
    args = parser.parse_args()
    fresh_database()
    from django.db import connection

    from actors.models import ActionPage, ActionSession
    from inventory.loader import load_inventory

    load_inventory()
    content = feed(list(ActionPage.objects.values_list("slug", flat=True)), args.sessions)
    plan, report, plan_s, first_s = timed(content)
    print(
        f"first import:  {report.created} sessions on {len(report.published)} actions in {first_s:.2f} s (check {plan_s:.2f} s)"
    )
    plan, again, plan2_s, second_s = timed(content)
    print(f"second import: {again.unchanged} unchanged, {again.created} new in {second_s:.2f} s")
    print(
        json.dumps(
            {
                "backend": connection.vendor,
                "sessions": ActionSession.objects.count(),
                "first_s": round(first_s, 2),
                "first_check_s": round(plan_s, 2),
                "second_s": round(second_s, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
