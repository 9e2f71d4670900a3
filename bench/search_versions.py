"""Benchmark by hand: the search of two versions of the code, side by side, query by query.

    .venv/bin/python bench/search_versions.py --old 3f83527 --pages 10000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench10k .venv/bin/python bench/search_versions.py --old 3f83527 --pages 10000

"Stays within 10 % of today's figure" can only be judged in one run on a shared machine: this script
starts one worker process per version (the old one in a git worktree of `--old`, under var/), each with
its own copy of the benchmark database whose portal index that version built itself (its analyzer
decides what is in the index), and sends every query to every worker in turn, rotating who goes first.
A busy machine thus slows all of them alike. The workload is bench/search.py's; each version is timed
twice: literal (as every feed and export searches) and interpreted (as /zoeken/ searches: spelling,
filter words, synonyms, best-effort fallback, partial matches), each compared with the old version in
the same mode. The last line is JSON.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search import configure, percentile, prepare, queries  # noqa: E402

# Runs inside each version's checkout: one JSON query per line in, one JSON timing per line out.
WORKER = r"""
import dataclasses, json, os, sys, time
import django
django.setup()
from search.params import SearchParams
from search.service import search
for line in sys.stdin:
    asked = json.loads(line)
    params = SearchParams(q=asked["q"], filters={k: tuple(v) for k, v in asked["filters"].items()})
    if hasattr(params, "interpret"):
        params = dataclasses.replace(params, interpret=asked["interpret"])
    started = time.perf_counter()
    result = search(params)
    elapsed = (time.perf_counter() - started) * 1000
    print(json.dumps({"ms": elapsed, "total": result.total}), flush=True)
"""


class Worker:
    def __init__(self, name: str, code: Path, database_url: str, interpret: bool):
        self.name, self.interpret, self.times, self.totals = name, interpret, [], []
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "PYTHONPATH": str(code),
        }
        self.process = subprocess.Popen(
            [sys.executable, "-c", WORKER],
            cwd=code,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, query: dict, timed: bool) -> None:
        self.process.stdin.write(json.dumps({**query, "interpret": self.interpret}) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        if timed:
            self.times.append(answer["ms"])
            self.totals.append(answer["total"])

    def stop(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)

    def summary(self) -> dict:
        return {
            "p50_ms": round(statistics.median(self.times), 1),
            "p95_ms": round(percentile(self.times, 0.95), 1),
            "median_total": statistics.median(self.totals),
        }


def checkout(revision: str) -> Path:
    """A git worktree of `revision` under var/ (made once, reused)."""
    sha = subprocess.check_output(["git", "rev-parse", "--short", revision], cwd=ROOT, text=True).strip()
    path = ROOT / "var" / f"code-{sha}"
    if not path.exists():
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(path), sha], cwd=ROOT, check=True)
    return path


def database_copy(url: str, suffix: str) -> tuple[str, bool]:
    """A copy of the benchmark database for another version: (its URL, whether it was made now)."""
    if url.startswith("sqlite:///"):
        source = Path(url.removeprefix("sqlite:///"))
        target = source.with_name(f"{source.stem}-{suffix}{source.suffix}")
        made = not target.exists()
        if made:
            shutil.copyfile(source, target)
        return f"sqlite:///{target}", made
    from django.db import connections

    from bench.fresh_db import postgres_admin

    connections.close_all()  # a template database must have no other connections
    admin, name = postgres_admin(url)
    copy = f"{name}_{suffix}"
    made = not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [copy]).fetchone()
    if made:
        admin.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{name}"')
    admin.close()
    return url.rsplit("/", 1)[0] + f"/{copy}", made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--old", required=True, help="the git revision to compare with (e.g. a commit before a change)"
    )
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument(
        "--warmup", type=int, default=20, help="untimed queries first, the same for every worker"
    )
    parser.add_argument("--rounds", type=int, default=2, help="times through the workload")
    args = parser.parse_args()
    configure(args.pages)
    prepare(args.pages)
    workload = [
        {"q": p.q, "filters": {k: list(v) for k, v in p.filters.items()}} for p in queries(args.queries)
    ]
    new_url = os.environ["DATABASE_URL"]
    old_code = checkout(args.old)
    old_url, made = database_copy(new_url, old_code.name.removeprefix("code-"))
    if made:  # the old version's own analyzer builds the old copy's portal index
        env = {**os.environ, "DATABASE_URL": old_url, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
        print(f"old index: rebuilding with {old_code.name} ...", flush=True)
        subprocess.run(
            [sys.executable, "manage.py", "update_index", "--skip-wagtail"],
            cwd=old_code,
            env={**env, "PYTHONPATH": str(old_code)},
            check=True,
            stdout=subprocess.DEVNULL,
        )
    workers = [
        Worker(f"old {args.old}, literal", old_code, old_url, interpret=False),
        Worker("new, literal", ROOT, new_url, interpret=False),
        Worker(f"old {args.old}, interpreted", old_code, old_url, interpret=True),
        Worker("new, interpreted", ROOT, new_url, interpret=True),
    ]
    for query in workload[: args.warmup]:
        for worker in workers:
            worker.ask(query, timed=False)
    turn = 0
    for _ in range(args.rounds):
        for query in workload:
            for worker in workers[turn % len(workers) :] + workers[: turn % len(workers)]:
                worker.ask(query, timed=True)
            turn += 1
    for worker in workers:
        worker.stop()
    result = {"pages": args.pages, "database": new_url.split(":")[0], "old_revision": args.old}
    print(f"{args.queries} queries x {args.rounds} rounds over {args.pages} fiches, interleaved")
    for position, worker in enumerate(workers):
        summary = worker.summary()
        old = workers[position - position % 2].summary()  # the old version in the same mode
        ratio = summary["p95_ms"] / old["p95_ms"]
        print(
            f"  {worker.name:<22} p50 {summary['p50_ms']:7.1f} ms  p95 {summary['p95_ms']:7.1f} ms "
            f"({ratio:.2f}x old)  median hits {summary['median_total']:.0f}"
        )
        result[worker.name] = {**summary, "p95_vs_old": round(ratio, 3)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
