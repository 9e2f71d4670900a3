"""Running the portal for tests on a fresh SQLite database in a temporary folder: as in production
(collected static files, gunicorn, production settings) or as `make run` serves it (MakeRunServer)."""

import http.client
import os
import secrets
import socket
import string
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")


def production_env(folder: Path, **extra) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "ELASTICSEARCH_", "PYTEST_", "WEB_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"sqlite:///{folder / 'portal.sqlite3'}",
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
        SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https",
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


def manage(env: dict, *args: str, check: bool = True, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=check,
        timeout=timeout,
    )


def shell(env: dict, code: str) -> str:
    return manage(env, "shell", "--no-imports", "-c", code).stdout


def nginx_config(
    folder: Path, upstream: str, listen: str, static_root: Path, workers: int = 1, connections: int = 1024
) -> Path:
    """deploy/nginx.conf for these addresses, inside a minimal main config of its own in `folder`
    (for nginx -c): the shipped server block, as the front-door test and bench/scale_out.py run it."""
    server = string.Template((ROOT / "deploy/nginx.conf").read_text(encoding="utf-8")).safe_substitute(
        PORTAL_UPSTREAM=upstream,
        FRONT_LISTEN=listen,
        STATIC_ROOT=str(static_root),
        FRONT_FORWARDED_PROTO="$scheme",
    )
    (folder / "portal.conf").write_text(server, encoding="utf-8")
    temp = folder / "nginx-temp"
    temp.mkdir(exist_ok=True)
    # The worker reads static files from a private temporary folder: as this user.
    user = "user root root;" if os.geteuid() == 0 else ""
    path = folder / "nginx.conf"
    path.write_text(
        f"""{user}
worker_processes {workers};
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log warn;
events {{ worker_connections {connections}; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {folder}/portal.conf;
}}
""",
        encoding="utf-8",
    )
    return path


def free_port() -> int:
    """A free port; within TEST_PORT_RANGE ("9400-9499") when set, so parallel runs on a shared
    machine stay in the ports given to them."""
    wanted = os.environ.get("TEST_PORT_RANGE", "")
    if wanted:
        low, high = (int(part) for part in wanted.split("-"))
        for port in range(low, high + 1):
            with socket.socket() as sock:
                try:
                    sock.bind(("127.0.0.1", port))
                except OSError:
                    continue
                return port
        raise RuntimeError(f"no free port in {wanted}")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, env: dict, workers: int = 1, threads: int = 4):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(env, BIND=f"127.0.0.1:{self.port}", WEB_CONCURRENCY=str(workers))
        env["GUNICORN_THREADS"] = str(threads)
        env["GUNICORN_LOGLEVEL"] = "warning"
        self.process = subprocess.Popen(
            [str(GUNICORN), "-c", "deploy/gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._wait_until_up()

    def _wait_until_up(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped: {self.process.stderr.read()}")
            try:
                if self.get("/healthz", https=False)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not answer /healthz in time")

    def get(self, path: str, headers: dict | None = None, https: bool = True):
        """(status, headers, body) of a GET, as an HTTPS request behind the proxy unless told otherwise.
        Redirects are not followed."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(
                "GET", path, headers={**({"X-Forwarded-Proto": "https"} if https else {}), **(headers or {})}
            )
            response = connection.getresponse()
            return response.status, response.headers, response.read().decode("utf-8", "replace")
        finally:
            connection.close()

    def stop(self) -> None:
        stop_process(self.process)


SEED_CODE = """
from portal.site_tree import ensure_site_tree
from tests import factories
ensure_site_tree()
group = factories.partner_group("Partnergroep Productie")
actor = factories.actor("Actor Productie", group=group)
factories.action("Robotica in productie", organisers=[actor])
factories.action("Codeerclub in productie", organisers=[actor])
factories.good_practice("Good practice productie", actors=[actor])
"""


def prepare_site(folder: Path) -> dict:
    """A migrated database with a few fiches and collected static files; returns the environment."""
    env = production_env(folder)
    manage(env, "migrate", "--noinput", "-v0")
    shell(env, SEED_CODE)
    manage(env, "collectstatic", "--noinput", "-v0")
    return env


class MakeRunServer:
    """The portal as `make run` serves it: development settings, a fresh SQLite database set up with
    the same commands as `make setup` (migrate, load_inventory, update_index), then runserver.
    Mails go to the console backend, so they are read back from the server's output."""

    SETUP = (
        ("migrate", "--noinput", "-v0"),
        ("load_inventory",),
        ("update_index", "--if-empty", "--skip-wagtail"),
    )

    def __init__(self, folder: Path):
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "ELASTICSEARCH_", "PYTEST_", "DEBUG"))
        }
        self.env.update(
            DATABASE_URL=f"sqlite:///{folder / 'portal.sqlite3'}",
            MEDIA_ROOT=str(folder / "media"),
            PYTHONPATH=str(ROOT),
            PYTHONUNBUFFERED="1",
        )
        for command in self.SETUP:
            manage(self.env, *command, timeout=900)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.output: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{self.port}", "--noreload"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        threading.Thread(target=self._collect, daemon=True).start()
        self._wait_until_up()

    def _collect(self) -> None:
        for line in self.process.stdout:
            self.output.append(line)

    def _wait_until_up(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("runserver stopped:\n" + "".join(self.output))
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError("runserver did not answer /healthz in time")

    def mail_text(self) -> str:
        """Everything the console mail backend printed so far."""
        return "".join(self.output)

    def stop(self) -> None:
        stop_process(self.process)


def stop_process(process: subprocess.Popen) -> None:
    """Terminate a server process, and kill it if it does not stop within 20 seconds."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
