"""Scale-out bench by hand: two app nodes behind the real nginx, one shared Redis, a PostgreSQL primary
with a streaming hot standby, read traffic from N clients for S seconds, and meanwhile one app node
killed (SIGKILL) and started again, then the standby stopped. Loopback only.

    .venv/bin/python bench/scale_out.py                          # 50 clients, 60 s
    .venv/bin/python bench/scale_out.py --clients 20 --seconds 30
    .venv/bin/python bench/scale_out.py --primary-port 5440 --replica-port 5441 --cluster-dir DIR
        # clusters already made (and filled) by deploy/replica.sh start DIR 5440 5441

Without --cluster-dir it makes its own primary and standby (deploy/replica.sh, ports 5442/5443) and
fills the primary (migrate, load_inventory, update_index, collectstatic: minutes). Nodes use
gunicorn with deploy/gunicorn.conf.py (WEB_CONCURRENCY workers, default 2), nginx uses
deploy/nginx.conf with both nodes in its upstream, Redis is REDIS_URL (default DB 6 of the local one).
The mix is bench/load.py's (home, sections, searches, fiche pages, the APIs). Prints errors, p50/p95,
requests per second, which database served the reads, and whether only one node ran a daily job
(`run_once`); the last line is one JSON object.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from bench.load import FIXED, SEARCHES, Clients, fiche_urls, get  # noqa: E402
from tests.servers import nginx_config  # noqa: E402

GUNICORN = Path(sys.executable).with_name("gunicorn")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PG_BIN = os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin")


def node_env(args, static_root: Path, port: int) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "PROMETHEUS_", "WEB_", "BIND"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=args.secret,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        TRUSTED_PROXY_COUNT="1",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{args.primary_port}/postgres",
        DATABASE_REPLICA_URLS=f"postgres://postgres@127.0.0.1:{args.replica_port}/postgres",
        REDIS_URL=args.redis_url,
        STATIC_ROOT=str(static_root),
        WEB_CONCURRENCY=str(args.workers),
        GUNICORN_LOGLEVEL="warning",
        BIND=f"127.0.0.1:{port}",
        PYTHONPATH=str(ROOT),
    )
    if not args.replica:
        env.pop("DATABASE_REPLICA_URLS")
    return env


def start_node(env: dict, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [str(GUNICORN), "-c", "deploy/gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("a"),
        start_new_session=True,  # its own process group: killed whole, workers included
    )


def wait_until(base: str, path: str = "/healthz", seconds: float = 90) -> float:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        try:
            if get(base, path)[0] == 200:
                return time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"{base}{path} did not answer")


def start_nginx(folder: Path, listen: int, nodes: list[int], static_root: Path) -> subprocess.Popen:
    upstream = " max_fails=3 fail_timeout=10s;\n    server ".join(f"127.0.0.1:{port}" for port in nodes)
    config = nginx_config(folder, upstream, f"127.0.0.1:{listen}", static_root, workers=2, connections=2048)
    return subprocess.Popen([NGINX, "-c", str(config), "-g", "daemon off;"])


def prepare_clusters(args, folder: Path, static_root: Path) -> None:
    subprocess.run(
        [
            str(ROOT / "deploy/replica.sh"),
            "start",
            str(folder),
            str(args.primary_port),
            str(args.replica_port),
        ],
        check=True,
    )
    env = node_env(args, static_root, 0)
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["load_inventory"],
        ["update_index", "--if-empty", "--skip-wagtail"],
    ):
        print("manage.py", *command, flush=True)
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True
        )


def as_postgres(command: list[str]) -> None:
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, capture_output=True)


def database_reads(port: int) -> int:
    """Transactions the cluster on `port` has run on the portal's database so far."""
    with psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/postgres", connect_timeout=2) as connection:
        return connection.execute(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'postgres'"
        ).fetchone()[0]


def leaders(args, static_root: Path) -> int:
    """How many of two nodes starting the same daily job together actually ran it."""
    env = node_env(args, static_root, 0)
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", "from operations.models import ScheduledRun as S; "
         "S.objects.filter(name='refresh_action_status').delete()"],
        cwd=ROOT, env=env, check=True, capture_output=True,
    )  # fmt: skip
    jobs = [
        subprocess.Popen(
            [sys.executable, "manage.py", "run_once", "--every", "72000", "refresh_action_status"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [job.communicate(timeout=300)[0] for job in jobs]
    return sum(1 for output in outputs if "skipped" not in output)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per node")
    parser.add_argument("--front-port", type=int, default=8150)
    parser.add_argument("--node-ports", default="8151,8152")
    parser.add_argument("--primary-port", type=int, default=5442)
    parser.add_argument("--replica-port", type=int, default=5443)
    parser.add_argument("--cluster-dir", help="clusters made by deploy/replica.sh (default: make them)")
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/6"))
    parser.add_argument("--static-root", help="static files already collected (default: collect them)")
    parser.add_argument("--no-replica", dest="replica", action="store_false", help="primary only")
    parser.add_argument("--keep-standby", action="store_true", help="do not stop the standby mid-run")
    args = parser.parse_args()
    args.secret = secrets.token_urlsafe(50)
    seconds = min(args.seconds, 300)
    work = Path(tempfile.mkdtemp(prefix="lk-scale-out-"))
    os.chmod(work, 0o755)
    static_root = Path(args.static_root) if args.static_root else work / "static"
    own_clusters = not args.cluster_dir
    cluster_dir = Path(args.cluster_dir) if args.cluster_dir else work / "clusters"
    if own_clusters:
        prepare_clusters(args, cluster_dir, static_root)
    env0 = node_env(args, static_root, 0)
    if not args.static_root:
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env0, check=True
        )
    node_ports = [int(port) for port in args.node_ports.split(",")]
    logs = [work / f"node{n}.log" for n in range(len(node_ports))]
    nodes = [
        start_node(node_env(args, static_root, port), log) for port, log in zip(node_ports, logs, strict=True)
    ]
    front = start_nginx(work, args.front_port, node_ports, static_root)
    base = f"http://127.0.0.1:{args.front_port}"
    events = {}
    try:
        for port in node_ports:
            wait_until(f"http://127.0.0.1:{port}")
        wait_until(base)
        paths = SEARCHES + FIXED + fiche_urls(base)
        for path in paths:
            get(base, path)
        reads_before = {port: database_reads(port) for port in (args.primary_port, args.replica_port)}
        clients = Clients(base, paths, seconds, args.clients)
        started = clients.started

        def at(fraction: float) -> None:
            time.sleep(max(0.0, started + seconds * fraction - time.monotonic()))

        at(0.25)
        os.killpg(nodes[0].pid, signal.SIGKILL)
        nodes[0].wait()
        events["node_killed_at_s"] = round(time.monotonic() - started, 1)
        at(0.45)
        nodes[0] = start_node(node_env(args, static_root, node_ports[0]), logs[0])
        events["node_restarted_at_s"] = round(time.monotonic() - started, 1)

        def back() -> None:
            events["node_back_after_s"] = round(wait_until(f"http://127.0.0.1:{node_ports[0]}"), 1)

        waiter = threading.Thread(target=back)
        waiter.start()
        reads_mid = None
        if args.replica and not args.keep_standby:
            at(0.65)
            reads_mid = database_reads(args.replica_port)
            as_postgres(
                [f"{PG_BIN}/pg_ctl", "-D", str(cluster_dir / "standby"), "-m", "immediate", "-w", "stop"]
            )
            events["standby_stopped_at_s"] = round(time.monotonic() - started, 1)
        elapsed = clients.wait()
        waiter.join()
        replica_reads = (
            reads_mid if reads_mid is not None else database_reads(args.replica_port)
        ) - reads_before[args.replica_port]
        primary_reads = database_reads(args.primary_port) - reads_before[args.primary_port]
    finally:
        front.terminate()
        for node in nodes:
            if node.poll() is None:
                os.killpg(node.pid, signal.SIGTERM)
        for node in nodes:
            try:
                node.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(node.pid, signal.SIGKILL)
        front.wait(timeout=10)
    try:
        ran = leaders(args, static_root)
    except subprocess.CalledProcessError as error:  # e.g. a database not migrated to the latest
        print(f"run_once check failed: {error.stderr or error}")
        ran = None
    if own_clusters:
        subprocess.run([str(ROOT / "deploy/replica.sh"), "stop", str(cluster_dir)], check=False)
    elif "standby_stopped_at_s" in events:  # the pair was given: leave it as it was found
        as_postgres(
            [
                f"{PG_BIN}/pg_ctl",
                "-D",
                str(cluster_dir / "standby"),
                "-l",
                str(cluster_dir / "standby.log"),
                "-w",
                "start",
            ]
        )
    summary = {
        "clients": args.clients,
        "seconds": round(elapsed, 1),
        "nodes": len(node_ports),
        "workers_per_node": args.workers,
        "replica": args.replica,
        **clients.summary(elapsed),
        "transactions_on_standby": replica_reads,
        "transactions_on_primary": primary_reads,
        "nodes_that_ran_the_daily_job": ran,
        **events,
    }
    count, errors = summary["requests"], clients.errors
    print(
        f"{count} requests from {args.clients} clients in {elapsed:.1f} s ({summary['requests_per_second']}/s)"
    )
    print(f"p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, max {summary['max_ms']} ms")
    print(f"errors: {len(errors)}" + ("" if not errors else f" (first: {errors[:5]})"))
    print(f"events: {events}")
    print(f"transactions: standby {replica_reads}, primary {primary_reads}; daily job ran on {ran} node(s)")
    print(json.dumps(summary))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
