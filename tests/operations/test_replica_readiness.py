"""/readyz with read replicas: one that is skipped (down or lagging) makes the site "degraded", still
200, since the primary serves its reads."""

import time

from operations import replicas


def test_readyz_says_degraded_while_a_replica_is_skipped(client, db, monkeypatch):
    monkeypatch.setattr(replicas, "replica_aliases", lambda: ["replica1"])
    monkeypatch.setitem(
        replicas._health, "replica1", replicas.Health(False, time.monotonic() + 60, "lags 9.0 s")
    )
    response = client.get("/readyz")
    payload = response.json()
    assert response.status_code == 200 and payload["status"] == "degraded"
    assert payload["checks"]["replicas"]["status"] == "degraded"
    assert "replica1 (lags 9.0 s)" in payload["checks"]["replicas"]["message"]


def test_readyz_has_no_replica_check_without_replicas(client, db):
    assert "replicas" not in client.get("/readyz").json()["checks"]
