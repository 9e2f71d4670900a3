"""Load test by hand: N concurrent clients for S seconds on a mix of public URLs against gunicorn with
the production settings, on loopback only.

    .venv/bin/python bench/load.py                       # 50 clients, 60 s, its own server
    .venv/bin/python bench/load.py --clients 10 --seconds 10
    .venv/bin/python bench/load.py --url http://127.0.0.1:8000   # a server already running (make serve)

Without --url it serves the database named by DATABASE_URL (default: SQLite at var/portal.sqlite3,
the one `make run` fills; migrated and loaded with the inventory first) with collected static files
and gunicorn (WEB_CONCURRENCY, default 2 workers of 4 threads) on a free port of 127.0.0.1. The mix:
home, section pages, searches with facets, fiche pages, the search API, the read API, the landscape.
Prints p50/p95/max, requests per second and errors; the last line is one JSON object.
"""

import argparse
import http.client
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
MAX_SECONDS = 300  # a load run always stops by itself
SEARCHES = [
    "/zoeken/?q=robotica",
    "/zoeken/?q=programmeren&digcompedu=2",
    "/zoeken/?q=leraren&type=actie&pijler=aanbod",
    "/zoeken/?digcompedu=6&gratis=ja",
    "/zoeken/?type=actor&sort=titel",
    "/api/zoeken/?q=media&digcompedu=2.1",
    "/api/zoeken/?type=goodpractice",
]
FIXED = [
    "/",
    "/aanbod/",
    "/actoren/",
    "/goede-praktijken/",
    "/landschap/",
    "/api/v2/fiches/?type=actors.ActionPage",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(workers: int) -> tuple[subprocess.Popen, str]:
    env = loopback_production_env(workers, DJANGO_SETTINGS_MODULE="portal.settings.production")
    env.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'portal.sqlite3'}")
    python = sys.executable
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["load_inventory"],
        ["update_index", "--if-empty", "--skip-wagtail"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
    return run_gunicorn(ROOT, env, ready_path="/healthz")


def loopback_production_env(workers: int, **settings) -> dict:
    """The environment of a production server on plain HTTP on loopback (as `make serve`)."""
    env = dict(os.environ)
    env.update(
        SECRET_KEY=env.get("SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        WEB_CONCURRENCY=str(workers),
        GUNICORN_LOGLEVEL="warning",
        **settings,
    )
    return env


def run_gunicorn(code: Path, env: dict, ready_path: str, tries: int = 300) -> tuple[subprocess.Popen, str]:
    """gunicorn with deploy/gunicorn.conf.py of `code` on a free loopback port, once `ready_path`
    answers 200: (the process, its base URL)."""
    port = free_port()
    env = {**env, "BIND": f"127.0.0.1:{port}"}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "-c", "deploy/gunicorn.conf.py"], cwd=code, env=env, stdout=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(tries):
        try:
            if get(base, ready_path)[0] == 200:
                return server, base
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def get(base: str, path: str, connection: http.client.HTTPConnection | None = None):
    parts = urlsplit(base)
    own = connection is None
    connection = connection or http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        return response.status, body
    finally:
        if own:
            connection.close()


def fiche_urls(base: str) -> list[str]:
    status, body = get(base, "/api/v2/fiches/?limit=20")
    if status != 200:
        return []
    return [urlsplit(item["meta"]["html_url"]).path for item in json.loads(body)["items"]]


def client_loop(base, paths, deadline, latencies, errors, statuses, lock, seed):
    rng = random.Random(seed)
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    while time.monotonic() < deadline:
        path = rng.choice(paths)
        started = time.perf_counter()
        try:
            status, _ = get(base, path, connection)
        except (OSError, http.client.HTTPException) as exc:
            connection.close()
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            with lock:
                errors.append(f"{path}: {exc.__class__.__name__}")
            continue
        elapsed = (time.perf_counter() - started) * 1000
        with lock:
            latencies.append(elapsed)
            statuses[status] += 1
            if status >= 400:
                errors.append(f"{path}: {status}")
    connection.close()


class Clients:
    """`count` clients asking random `paths` of `base` until `seconds` have passed, in threads."""

    def __init__(self, base: str, paths: list[str], seconds: float, count: int) -> None:
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.statuses: Counter = Counter()
        lock = threading.Lock()
        deadline = time.monotonic() + seconds
        self.threads = [
            threading.Thread(
                target=client_loop,
                args=(base, paths, deadline, self.latencies, self.errors, self.statuses, lock, n),
            )
            for n in range(count)
        ]
        self.started = time.monotonic()
        for thread in self.threads:
            thread.start()

    def wait(self) -> float:
        """Seconds from the start until the last client stopped."""
        for thread in self.threads:
            thread.join()
        return time.monotonic() - self.started

    def summary(self, elapsed: float) -> dict:
        """Requests, their rate and latency percentiles, errors and statuses."""
        count = len(self.latencies)
        cuts = statistics.quantiles(self.latencies, n=100) if count >= 2 else [0] * 99
        return {
            "requests": count,
            "requests_per_second": round(count / elapsed, 1) if elapsed else 0,
            "p50_ms": round(cuts[49], 1),
            "p95_ms": round(cuts[94], 1),
            "max_ms": round(max(self.latencies), 1) if self.latencies else 0,
            "errors": len(self.errors),
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))
    parser.add_argument("--url", help="a running server on loopback (default: start one)")
    args = parser.parse_args()
    if args.url and urlsplit(args.url).hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("bench/load.py only targets loopback addresses.")
    seconds = min(args.seconds, MAX_SECONDS)
    server, base = (None, args.url) if args.url else start_server(args.workers)
    try:
        paths = SEARCHES + FIXED + fiche_urls(base)
        for path in paths:  # warm every worker's caches a little, and fail early on a broken URL
            get(base, path)
        clients = Clients(base, paths, seconds, args.clients)
        elapsed = clients.wait()
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
    summary = {"clients": args.clients, "seconds": round(elapsed, 1), "urls": len(paths)}
    summary.update(clients.summary(elapsed))
    count, errors = summary["requests"], clients.errors
    print(
        f"{count} requests from {args.clients} clients in {elapsed:.1f} s ({summary['requests_per_second']}/s)"
    )
    print(f"p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, max {summary['max_ms']} ms")
    print(f"errors: {len(errors)}" + ("" if not errors else f" (first: {errors[:5]})"))
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
