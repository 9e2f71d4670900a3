"""The shipped nginx config in front of gunicorn, both real, on loopback: 50 slow clients (headers and
part of a body, then silence) no longer stop normal requests.

Runs once in CI (the SQLite pass: nothing here depends on the database engine) and is skipped when
nginx is not installed (`apt-get install nginx-light`; .ci/run does it).
"""

import http.client
import json
import os
import shutil
import socket
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.servers import GUNICORN, ROOT, nginx_config, production_env, stop_process

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
GUNICORN_PORT, FRONT_PORT = 9301, 9302  # this suite's loopback ports
SLOW_CLIENTS = 50

pytestmark = [
    pytest.mark.skipif(NGINX is None, reason="nginx is not installed (apt-get install nginx-light)"),
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="engine-independent: runs once, in the SQLite pass",
    ),
]


def wait_for(port: int, path: str = "/healthz", seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if get(port, path, timeout=2)[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing answered {path} on port {port}")


def get(port: int, path: str, timeout: float = 3.0):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def slow_clients(port: int, count: int) -> list[socket.socket]:
    """Clients that send their headers and 10 bytes of a 100 kB form body, then stall."""
    sockets = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.sendall(
            b"POST /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n"
            b"naam=traag"
        )
        sockets.append(sock)
    return sockets


def answered_in_time(port: int, requests: int = 20, timeout: float = 2.0) -> int:
    def one(_):
        try:
            return get(port, "/healthz", timeout=timeout)[0] == 200
        except OSError:
            return False

    with ThreadPoolExecutor(max_workers=5) as pool:
        return sum(pool.map(one, range(requests)))


@pytest.fixture(scope="module")
def front_door(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("front-door")
    static_root = tmp_path / "static"
    (static_root / "portal").mkdir(parents=True)
    (static_root / "staticfiles.json").write_text(json.dumps({"paths": {}, "version": "1.1"}))
    (static_root / "portal" / "proef.txt").write_text("statisch bestand van nginx\n")
    env = production_env(
        tmp_path,
        STATIC_ROOT=str(static_root),
        BIND=f"127.0.0.1:{GUNICORN_PORT}",
        WEB_CONCURRENCY="1",
        GUNICORN_THREADS="2",  # small on purpose: two stalled requests would hold it all
        GUNICORN_LOGLEVEL="warning",
        SECURE_SSL_REDIRECT="0",
        TRUSTED_PROXY_COUNT="1",
    )
    gunicorn = subprocess.Popen(
        [str(GUNICORN), "-c", "deploy/gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    config = nginx_config(tmp_path, f"127.0.0.1:{GUNICORN_PORT}", f"127.0.0.1:{FRONT_PORT}", static_root)
    nginx = subprocess.Popen(
        [NGINX, "-c", str(config), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for(GUNICORN_PORT)
        wait_for(FRONT_PORT)
        yield
    finally:
        stop_process(nginx)
        stop_process(gunicorn)


def test_slow_clients_stop_gunicorn_alone_but_not_behind_nginx(front_door):
    started = time.monotonic()
    # Straight to gunicorn: the stalled bodies hold its threads, normal requests wait.
    stalled = slow_clients(GUNICORN_PORT, SLOW_CLIENTS)
    try:
        time.sleep(0.5)
        assert answered_in_time(GUNICORN_PORT, requests=5, timeout=1.5) == 0
    finally:
        for sock in stalled:
            sock.close()
    wait_for(GUNICORN_PORT, seconds=30)

    # Through nginx: it holds the 50 stalled bodies itself; every normal request is answered.
    stalled = slow_clients(FRONT_PORT, SLOW_CLIENTS)
    try:
        time.sleep(0.5)
        assert answered_in_time(FRONT_PORT, requests=20, timeout=2.0) == 20
    finally:
        for sock in stalled:
            sock.close()
    assert time.monotonic() - started < 30


def test_nginx_serves_static_files_and_refuses_oversized_bodies(front_door):
    status, headers, body = get(FRONT_PORT, "/static/portal/proef.txt")
    assert status == 200 and body == b"statisch bestand van nginx\n"
    assert "immutable" in headers["Cache-Control"]
    with socket.create_connection(("127.0.0.1", FRONT_PORT), timeout=5) as sock:  # 22 MB announced
        sock.sendall(b"POST /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 23068672\r\n\r\n")
        assert sock.recv(100).startswith(b"HTTP/1.1 413")
