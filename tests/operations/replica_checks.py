"""Run by tests/operations/test_replica.py in a process of its own, with DATABASE_URL on a real primary
and DATABASE_REPLICA_URLS on its hot standby (deploy/replica.sh). Prints one JSON object of findings.

Requests are played through ReplicaReadsMiddleware around Django's own exception handling, as in a
server, with ContentType as the model read: only contenttypes is migrated (seconds, not minutes).
"""

import json
import os
import subprocess
import sys
import time

import django

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.handlers.exception import convert_exception_to_response  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import DatabaseError, connections  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import RequestFactory  # noqa: E402

from operations import replicas  # noqa: E402

PG_BIN = os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin")
findings: dict = {}


def request(read, method="GET", cookies=None, write=None):
    """(status, what `read` returned, the alias it read from, the response) for one request."""
    box = {}

    def view(req):
        if write:
            write()
        queryset = read()
        box["alias"], box["value"] = queryset.db, queryset.exists()
        return HttpResponse("ok")

    req = RequestFactory().generic(method, "/")
    req.COOKIES.update(cookies or {})
    response = replicas.ReplicaReadsMiddleware(convert_exception_to_response(view))(req)
    return response.status_code, box.get("value"), box.get("alias"), response


def marker(name):
    return lambda: ContentType.objects.filter(app_label="replica_check", model=name)


call_command("migrate", "contenttypes", verbosity=0)
ContentType.objects.create(app_label="replica_check", model="first")
deadline = time.monotonic() + 10
while time.monotonic() < deadline:  # the schema reaches the standby
    try:
        if ContentType.objects.using("replica1").filter(app_label="replica_check").exists():
            break
    except DatabaseError:
        pass
    time.sleep(0.05)

# 1. An anonymous GET reads the standby; a post, a session, the pin cookie read the primary.
status, _, alias, _ = request(marker("first"))
with connections[alias].cursor() as cursor:
    cursor.execute("SELECT pg_is_in_recovery()")
    findings["get_reads"] = (alias, cursor.fetchone()[0])
post = request(
    marker("first"),
    method="POST",
    write=lambda: ContentType.objects.create(app_label="replica_check", model="post"),
)
findings["post_reads"] = post[2]
findings["post_pins"] = replicas.PIN_COOKIE in post[3].cookies
pinned = {replicas.PIN_COOKIE: post[3].cookies[replicas.PIN_COOKIE].value}
findings["pinned_get_reads"] = request(marker("first"), cookies=pinned)[2]
findings["session_get_reads"] = request(marker("first"), cookies={"sessionid": "x"})[2]
findings["outside_request_reads"] = marker("first")().db
replicas.hold_reads_on_primary()  # what a publish does: the standby may not have it yet
findings["after_publish_reads"] = request(marker("first"))[2]
cache.delete(replicas.HOLD_KEY)

# 2. A write on the primary becomes visible through the standby.
started = time.monotonic()
ContentType.objects.create(app_label="replica_check", model="published")
seen = None
while time.monotonic() - started < 10:
    status, value, alias, _ = request(marker("published"))
    if value and alias.startswith("replica"):
        seen = time.monotonic() - started
        break
    time.sleep(0.02)
findings["visible_after_seconds"] = seen

# 3. A standby that lags more than REPLICA_MAX_LAG_SECONDS is skipped: its replay paused, a write.
with connections["replica1"].cursor() as cursor:
    cursor.execute("SELECT pg_wal_replay_pause()")
ContentType.objects.create(app_label="replica_check", model="lagging")
time.sleep(float(os.environ["REPLICA_MAX_LAG_SECONDS"]) + 0.5)
replicas.reset_health()
status, value, alias, _ = request(marker("lagging"))
findings["lagging"] = (status, value, alias, replicas.probe("replica1")[1])
with connections["replica1"].cursor() as cursor:
    cursor.execute("SELECT pg_wal_replay_resume()")
deadline = time.monotonic() + 10
while True:  # replay resumed: back on the standby once it has caught up
    replicas.reset_health()
    findings["caught_up_reads"] = request(marker("lagging"))[2]
    if findings["caught_up_reads"] != "default" or time.monotonic() > deadline:
        break
    time.sleep(0.1)

# 4. The standby stopped: every read still answers, from the primary, with no error.
stop = [f"{PG_BIN}/pg_ctl", "-D", os.environ["STANDBY_DIR"], "-m", "immediate", "-w", "stop"]
if os.geteuid() == 0:
    stop = ["runuser", "-u", "postgres", "--", *stop]
subprocess.run(stop, check=True, capture_output=True)
outcomes = [request(marker("published"))[:3] for _ in range(20)]
findings["standby_down"] = {
    "errors": sum(1 for status, value, _ in outcomes if status != 200 or not value),
    "aliases": sorted({alias for _, _, alias in outcomes}),
}
json.dump(findings, sys.stdout)
