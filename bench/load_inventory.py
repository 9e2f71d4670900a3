"""Benchmark: load the whole inventory into a fresh database, then reload it (idempotent path).

    .venv/bin/python bench/load_inventory.py            # SQLite in a temporary file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_inventory .venv/bin/python bench/load_inventory.py

Prints the timings; the last line is one JSON object.
"""

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.fresh_db import fresh_database  # noqa: E402


def main() -> None:
    fresh_database()
    from django.db import connection

    from inventory.loader import load_inventory

    started = time.perf_counter()
    first = load_inventory()
    first_s = time.perf_counter() - started
    started = time.perf_counter()
    second = load_inventory()
    second_s = time.perf_counter() - started
    print(f"first load:  {len(first.created)} pages created in {first_s:.2f} s")
    print(f"second load: {len(second.unchanged)} pages unchanged in {second_s:.2f} s")
    print(
        json.dumps(
            {
                "backend": connection.vendor,
                "pages": len(first.created),
                "first_s": round(first_s, 2),
                "reload_s": round(second_s, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
