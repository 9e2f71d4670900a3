"""Several app nodes, each with the same timers: `manage.py run_once` lets one node run a scheduled job
per period and the others skip it."""

import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from operations.management.commands.run_once import claim
from operations.models import ScheduledRun


def run_once(*args) -> str:
    out = StringIO()
    call_command("run_once", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_second_node_skips_a_job_the_first_ran_within_the_period():
    first = run_once("--every", "72000", "send_outbox")
    second = run_once("--every", "72000", "send_outbox")
    assert "skipped" not in first and "skipped" in second
    run = ScheduledRun.objects.get(name="send_outbox")
    assert run.finished >= run.started and run.node
    # The next day (the period has passed) the job runs again.
    ScheduledRun.objects.update(started=timezone.now() - timedelta(hours=21))
    assert "skipped" not in run_once("--every", "72000", "send_outbox")


@pytest.mark.django_db(transaction=True)
def test_nodes_that_start_together_get_one_claim_between_them():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent claims need a server database (SQLite serialises writers anyway)")
    claims, barrier = [], threading.Barrier(6)

    def node():
        barrier.wait()
        try:
            claims.append(claim("harvest", 72000))
        finally:
            connection.close()

    threads = [threading.Thread(target=node) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(claims) == [False] * 5 + [True]
