"""gunicorn's configuration for the portal: `gunicorn -c deploy/gunicorn.conf.py`.

Everything that differs per install comes from the environment: BIND (default 127.0.0.1:8000),
WEB_CONCURRENCY (worker processes, default 2), GUNICORN_THREADS (threads per worker, default 4),
GUNICORN_TIMEOUT (seconds, default 30) and FORWARDED_ALLOW_IPS (the reverse proxy's addresses).
"""

import os
import sys
import tempfile
from pathlib import Path

wsgi_app = "portal.wsgi:application"
bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak never grows without bound. Each worker draws its own
# limit between max_requests and twice that (jitter as large as the limit): two workers that share
# the load no longer reach their limits together, so they never restart at the same moment.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", str(max_requests)))
# The application is imported once in the master and forked: a recycled worker answers within
# milliseconds instead of importing Django and Wagtail again (seconds). Safe here: nothing opens a
# database or cache connection at import time, and pre_fork closes any the master opened.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") != "0"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
proc_name = "leerkracht-portal"
control_socket_disable = True  # not used; several servers on one machine would share its path

# The workers read it too (/readyz warns when several of them have a cache each).
os.environ["WEB_CONCURRENCY"] = str(workers)

# Prometheus counts live in each worker's memory: without a shared folder /metrics would show the
# counts of whichever worker answers. PROMETHEUS_MULTIPROC_DIR (default: a fresh temporary folder)
# holds a file per worker that /metrics adds up; emptied here, before the application (and
# prometheus_client) is imported, so counts of an earlier run never mix in. child_exit below tells
# it when a worker is gone.
metrics_dir_is_ours = not os.environ.get("PROMETHEUS_MULTIPROC_DIR")  # then removed on exit
metrics_dir = Path(
    os.environ.get("PROMETHEUS_MULTIPROC_DIR") or tempfile.mkdtemp(prefix="leerkracht-metrics-")
)
metrics_dir.mkdir(parents=True, exist_ok=True)
for stale in metrics_dir.glob("*.db"):
    stale.unlink()
os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")


def pre_fork(server, worker):
    # A connection opened in the master must never be shared by the forked workers.
    if preload_app:
        from django.core.cache import caches
        from django.db import connections

        connections.close_all()
        for cache in caches.all(initialized_only=True):
            cache.close()


def worker_exit(server, worker):
    # A recycled worker leaves at once. Python's own shutdown would walk the whole heap it shares
    # with the master (copy-on-write after preload): measured 7-8 s on a busy machine, seconds in
    # which the master cannot start the replacement. Connections are closed and logs flushed first.
    if preload_app:
        import logging

        from django.db import connections

        connections.close_all()
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


def child_exit(server, worker):
    # A dead worker's gauges stop counting (its counters and histograms keep adding up).
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    if metrics_dir_is_ours:  # the temporary folder made above; a folder that was given is left alone
        import shutil

        shutil.rmtree(metrics_dir, ignore_errors=True)


def on_starting(server):
    # Production serves hashed static files from a manifest; without collectstatic every HTML
    # page would fail. Refuse to start and say what to do instead.
    if os.environ["DJANGO_SETTINGS_MODULE"].endswith(".production"):
        static_root = Path(
            os.environ.get("STATIC_ROOT") or Path(__file__).resolve().parent.parent / "var/static"
        )
        if not (static_root / "staticfiles.json").is_file():
            sys.exit(
                f"Static files are not collected in {static_root}: run "
                "`manage.py collectstatic --noinput` before starting the server."
            )
    if workers > 1 and not os.environ.get("REDIS_URL"):
        server.log.warning(
            "WEB_CONCURRENCY=%s without REDIS_URL: every worker keeps its own cache. Results stay "
            "correct (the index version lives in the database) but cached work is repeated; set "
            "REDIS_URL to share one cache.",
            workers,
        )
