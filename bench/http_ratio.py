"""HTTP benchmark by hand: the production server on loopback, each page against a hello-world view.

    .venv/bin/python bench/http_ratio.py --pages 10000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench10k .venv/bin/python bench/http_ratio.py --pages 10000
    .venv/bin/python bench/http_ratio.py --pages 10000 --code /work/main     # the same, for another checkout

Prepares the database like bench/search.py (same DATABASE_URL default: var/bench-<N>.sqlite3), collects
the static files and starts gunicorn with deploy/gunicorn.conf.py and the production settings, plus one
hello-world view at /bench/hello/ (bench/http_server/, mounted only here). Not named http.py: a
script's folder comes first on sys.path, so bench/http.py would shadow the standard library's `http`. Then, in rounds, it runs a
fixed number of concurrent clients for a fixed time on each target in turn: the hello-world view, an
action fiche, the home page, a search page and the search API (each cycling through several URLs), and
an action fiche with a session cookie (what a logged-in visitor gets: the page cache is bypassed).
Interleaving the targets round by round means a busy machine slows them alike; the figure is each
target's requests/s as a share of the hello-world view's. The last line is one JSON object.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import fiche_urls, get, loopback_production_env, run_gunicorn  # noqa: E402

HELLO = "hello"


def database_url(pages: int) -> str:
    return os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'var' / f'bench-{pages}.sqlite3'}"


def prepare_database(pages: int, url: str) -> None:
    env = {**os.environ, "DATABASE_URL": url}
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "search.py"), "--pages", str(pages), "--prepare-only"],
        env=env,
        check=True,
    )


def start_server(code: Path, url: str, workers: int) -> tuple[subprocess.Popen, str]:
    env = loopback_production_env(
        workers,
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="bench_hello_settings",
        PYTHONPATH=os.pathsep.join([str(ROOT / "bench" / "http_server"), str(code)]),
    )
    python = sys.executable
    subprocess.run([python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=code, env=env, check=True)
    return run_gunicorn(code, env, ready_path="/bench/hello/")


def search_urls(path: str, count: int, seed: int = 3) -> list[str]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")  # only to read the topics
    import django

    django.setup()
    from bench.synthetic import TOPICS

    rng = random.Random(seed)
    urls = []
    for topic in rng.sample(TOPICS, min(count, len(TOPICS))):
        query = {"q": topic}
        if rng.random() < 0.5:
            query["digcompedu"] = str(rng.randint(1, 6))
        urls.append(f"{path}?{urlencode(query)}")
    return urls


def run(base: str, paths: list[str], clients: int, seconds: float, headers: dict, seed: int):
    """Closed loop: `clients` threads, each sending its next request as soon as the last one is back."""
    import http.client

    parts = urlsplit(base)
    latencies, errors, lock = [], [], threading.Lock()
    deadline = time.monotonic() + seconds

    def loop(n: int) -> None:
        rng = random.Random(seed * 1000 + n)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        while time.monotonic() < deadline:
            path = rng.choice(paths)
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
                status = 0
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                if status == 200:
                    latencies.append(elapsed)
                else:
                    errors.append(f"{path}: {status}")
        connection.close()

    threads = [threading.Thread(target=loop, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="number of synthetic fiches")
    parser.add_argument(
        "--clients", type=int, default=8, help="concurrent clients, the same for every target"
    )
    parser.add_argument("--seconds", type=float, default=5, help="per target and round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout to serve (default: this one)")
    args = parser.parse_args()

    url = os.environ["DATABASE_URL"] = database_url(args.pages)
    prepare_database(args.pages, url)
    server, base = start_server(args.code.resolve(), url, args.workers)
    try:
        fiches = fiche_urls(base) or ["/"]
        action_fiches = [path for path in fiches if path.startswith("/aanbod/")] or fiches
        targets = {
            HELLO: (["/bench/hello/"], {}),
            "fiche": (action_fiches, {}),
            "home": (["/"], {}),
            "search": (search_urls("/zoeken/", 20), {}),
            "api": (search_urls("/api/zoeken/", 20), {}),
            "fiche, with a session cookie": (action_fiches, {"Cookie": "sessionid=bench-no-such-session"}),
        }
        for paths, _headers in targets.values():  # the same warm-up for every target: each URL once
            for path in paths:
                get(base, path)
        measured = {name: ([], [], 0.0) for name in targets}
        for round_number in range(args.rounds):
            for name, (paths, headers) in targets.items():
                latencies, errors, elapsed = run(
                    base, paths, args.clients, args.seconds, headers, round_number
                )
                old = measured[name]
                measured[name] = (old[0] + latencies, old[1] + errors, old[2] + elapsed)
    finally:
        server.terminate()
        server.wait(timeout=30)

    rows = {}
    for name, (latencies, errors, elapsed) in measured.items():
        cuts = statistics.quantiles(latencies, n=100) if len(latencies) >= 2 else [0.0] * 99
        rows[name] = {
            "requests": len(latencies),
            "requests_per_second": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
            "p50_ms": round(cuts[49], 1),
            "p95_ms": round(cuts[94], 1),
            "errors": len(errors),
        }
    hello_rate = rows[HELLO]["requests_per_second"] or 1.0
    for row in rows.values():
        row["vs_hello_percent"] = round(100 * row["requests_per_second"] / hello_rate, 1)
    print(
        f"{args.pages} fiches, {url.split(':', 1)[0]}, code {args.code}, {args.workers} workers, "
        f"{args.clients} clients, {args.rounds} rounds of {args.seconds:g} s per target"
    )
    print(f"{'target':32} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'vs hello':>9} {'errors':>7}")
    for name, row in rows.items():
        print(
            f"{name:32} {row['requests_per_second']:>8} {row['p50_ms']:>8} {row['p95_ms']:>8} "
            f"{row['vs_hello_percent']:>8}% {row['errors']:>7}"
        )
    print(json.dumps({"pages": args.pages, "database": url.split(":", 1)[0], "code": str(args.code), **rows}))


if __name__ == "__main__":
    main()
