"""Reads on a real PostgreSQL hot standby (deploy/replica.sh on loopback): an anonymous GET reads the
standby; writes, posts and the seconds after a publish read the primary; a write on the primary shows
through the standby within a bound; a lagging standby is skipped; a stopped one costs no error. The checks themselves run in a
process of their own with the two databases (tests/operations/replica_checks.py).

Runs once in CI (the SQLite pass: it brings its own primary and standby, whatever DATABASE_URL says);
skipped when the PostgreSQL server binaries are missing.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.servers import ROOT, free_port

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
MAX_LAG_SECONDS = 1
VISIBLE_WITHIN_SECONDS = 5

pytestmark = [
    pytest.mark.skipif(
        not (PG_BIN / "initdb").exists(), reason=f"PostgreSQL server binaries not found in {PG_BIN}"
    ),
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="brings its own PostgreSQL pair: runs once, in the SQLite pass",
    ),
]


@pytest.fixture(scope="module")
def standby():
    # Not under pytest's own temporary folder: the clusters run as the user postgres, who must reach it.
    folder = Path(tempfile.mkdtemp(prefix="lk-replica-"))
    script = str(ROOT / "deploy/replica.sh")
    primary = free_port()
    with socket.socket() as held:  # so the second port differs (TEST_PORT_RANGE hands out the lowest)
        held.bind(("127.0.0.1", primary))
        ports = primary, free_port()
    started = subprocess.run(
        [script, "start", str(folder), *map(str, ports)], capture_output=True, text=True, timeout=120
    )
    try:
        assert started.returncode == 0, started.stderr
        yield folder, ports
    finally:
        subprocess.run([script, "stop", str(folder)], capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)


def test_reads_go_to_a_healthy_standby_and_never_fail(standby):
    folder, (primary, replica) = standby
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_", "REDIS_", "ELASTICSEARCH_", "PYTEST_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{primary}/postgres",
        DATABASE_REPLICA_URLS=f"postgres://postgres@127.0.0.1:{replica}/postgres",
        REPLICA_MAX_LAG_SECONDS=str(MAX_LAG_SECONDS),
        REPLICA_CHECK_SECONDS="0.2",
        STANDBY_DIR=str(folder / "standby"),
        PG_BIN=str(PG_BIN),
        PYTHONPATH=str(ROOT),
    )
    run = subprocess.run(
        [sys.executable, str(ROOT / "tests/operations/replica_checks.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    found = json.loads(run.stdout.strip().splitlines()[-1])
    print(f"write visible through the standby after {found['visible_after_seconds']:.3f} s")
    assert found["get_reads"] == ["replica1", True]  # the standby, in recovery
    assert found["post_reads"] == "default" and found["post_pins"]
    assert found["pinned_get_reads"] == "default"
    assert found["session_get_reads"] == "default"
    assert found["outside_request_reads"] == "default"
    assert found["after_publish_reads"] == "default"  # until the standby has surely caught up
    assert found["visible_after_seconds"] is not None
    assert found["visible_after_seconds"] < VISIBLE_WITHIN_SECONDS
    status, value, alias, reason = found["lagging"]
    assert (status, value, alias) == (200, True, "default") and reason.startswith("lags")
    assert found["caught_up_reads"] == "replica1"
    assert found["standby_down"] == {"errors": 0, "aliases": ["default"]}
