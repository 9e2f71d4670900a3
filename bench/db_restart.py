"""By hand: the portal keeps answering when PostgreSQL restarts (CONN_HEALTH_CHECKS).

    .venv/bin/python bench/db_restart.py [--requests 40]

Creates a throwaway PostgreSQL cluster in a temporary folder on a free loopback port (initdb and
pg_ctl from the PostgreSQL server package; as root they run as the `postgres` user), migrates a
portal database in it, starts gunicorn with the production settings, sends requests, restarts the
cluster, and sends the same requests again. Prints the errors before and after; the last line is JSON.
The cluster and the server are removed at the end.
"""

import argparse
import glob
import http.client
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATHS = ["/", "/aanbod/", "/zoeken/?q=robotica", "/api/zoeken/?q=media", "/readyz"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pg_binary(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise SystemExit(f"{name} not found: install the PostgreSQL server package")
    return found[-1]


def as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def status_of(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    except OSError:
        return 0
    finally:
        connection.close()


def round_of_requests(port: int, count: int) -> list[int]:
    return [status_of(port, PATHS[n % len(PATHS)]) for n in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="portal-pg-"))
    data, pg_port, web_port = folder / "data", free_port(), free_port()
    os.chmod(folder, 0o777)
    pg_ctl = as_postgres([pg_binary("pg_ctl"), "-D", str(data), "-l", str(folder / "pg.log"), "-w"])
    options = f"-p {pg_port} -k {folder} -c listen_addresses=127.0.0.1"
    server = None
    try:
        subprocess.run(as_postgres([pg_binary("initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]),
                       check=True, capture_output=True)  # fmt: skip
        subprocess.run([*pg_ctl, "-o", options, "start"], check=True, capture_output=True)
        subprocess.run(as_postgres([pg_binary("createdb"), "-h", "127.0.0.1", "-p", str(pg_port), "-U", "postgres", "portal"]),
                       check=True, capture_output=True)  # fmt: skip
        env = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="portal.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1",
            SECURE_SSL_REDIRECT="0",
            DATABASE_URL=f"postgres://postgres@127.0.0.1:{pg_port}/portal",
            STATIC_ROOT=str(folder / "static"),
            BIND=f"127.0.0.1:{web_port}",
            WEB_CONCURRENCY="2",
            GUNICORN_LOGLEVEL="warning",
        )
        for command in (
            ["migrate", "--noinput", "-v0"],
            ["load_inventory"],
            ["collectstatic", "--noinput", "-v0"],
        ):
            subprocess.run(
                [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True
            )
        gunicorn = Path(sys.executable).with_name("gunicorn")
        server = subprocess.Popen([str(gunicorn), "-c", "deploy/gunicorn.conf.py"], cwd=ROOT, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        for _ in range(150):
            if status_of(web_port, "/healthz") == 200:
                break
            time.sleep(0.2)
        before = round_of_requests(web_port, args.requests)
        started = time.perf_counter()
        subprocess.run([*pg_ctl, "-o", options, "-m", "fast", "restart"], check=True, capture_output=True)
        restart_seconds = time.perf_counter() - started
        after = round_of_requests(web_port, args.requests)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        subprocess.run([*pg_ctl, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
    errors_before = sum(1 for status in before if status != 200)
    errors_after = sum(1 for status in after if status != 200)
    print(f"before the restart: {len(before)} requests, {errors_before} errors")
    print(f"PostgreSQL restarted in {restart_seconds:.1f} s")
    print(f"after the restart: {len(after)} requests, {errors_after} errors")
    summary = {
        "requests": len(before) + len(after),
        "errors_before": errors_before,
        "errors_after": errors_after,
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
