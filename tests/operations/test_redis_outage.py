"""Redis unreachable (a closed port, or a listener that accepts and never answers): nobody is locked
out. Logins, sign-ups and password resets work at once, caches and rate limits run on the process's
own memory (still limiting), the log says so once, and /readyz reports "degraded"."""

import logging
import socket
import time

import pytest
from django.core import mail

from portal.settings.base import redis_cache
from tests.schools.conftest import PASSWORD, make_account

PORTS = range(9200, 9300)  # this suite's loopback ports


def _bound_socket() -> socket.socket:
    for port in PORTS:
        sock = socket.socket()
        try:
            sock.bind(("127.0.0.1", port))
            return sock
        except OSError:
            sock.close()
    raise RuntimeError("no free loopback port in 9200-9299")


@pytest.fixture(params=["closed-port", "silent-listener"])
def redis_down(request, settings):
    """REDIS_URL pointing at a port nobody listens on, or at one that accepts and never answers."""
    sock = _bound_socket()
    port = sock.getsockname()[1]
    if request.param == "silent-listener":
        sock.listen(64)  # the kernel completes the handshake; nobody ever reads or writes
    else:
        sock.close()
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{port}/2")}
    yield request.param
    sock.close()


def login(client, email=None):
    return client.post("/account/login/", {"login": email or "leraar@school.test", "password": PASSWORD})


@pytest.mark.django_db
def test_the_right_password_logs_in_at_once_while_redis_is_down(client, redis_down, caplog):
    make_account("leraar@school.test")
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="operations.resilient_cache"):
        response = login(client)
    first = time.monotonic() - started
    assert response.status_code == 302 and response["Location"] == "/mijn-school/"
    assert client.get("/mijn-school/").status_code == 200
    assert first < 2.5, f"the first login took {first:.2f} s"
    assert [r.message for r in caplog.records if "unreachable" in r.message], "no log line"
    # The breaker is open: the next logins do not wait for Redis at all.
    client.logout()
    started = time.monotonic()
    for _ in range(3):
        assert login(client).status_code == 302
        client.logout()
    assert time.monotonic() - started < 1.5


@pytest.mark.django_db
def test_sign_up_and_password_reset_work_while_redis_is_down(client, redis_down):
    response = client.post(
        "/account/signup/", {"email": "nieuw@school.test", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302 and len(mail.outbox) == 1
    make_account("leraar@school.test")
    response = client.post("/account/password/reset/", {"email": "leraar@school.test"})
    assert response.status_code == 302 and len(mail.outbox) == 2


@pytest.mark.django_db
def test_the_rate_limits_still_count_in_the_process_while_redis_is_down(client, settings):
    sock = _bound_socket()
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{sock.getsockname()[1]}/2")}
    sock.close()
    make_account("leraar@school.test")
    answers = [
        client.post("/account/password/reset/", {"email": "leraar@school.test"}).status_code for _ in range(6)
    ]
    assert answers[:5] == [302] * 5 and answers[5] == 429  # "5/m/key": a limit, not an open door


@pytest.mark.django_db
def test_readyz_reports_degraded_while_redis_is_down(client, redis_down):
    response = client.get("/readyz")
    payload = response.json()
    assert response.status_code == 200 and payload["status"] == "degraded"
    assert payload["checks"]["redis"]["status"] == "degraded"
    assert "Redis antwoordt niet" in payload["checks"]["redis"]["message"]
    assert payload["checks"]["database"]["status"] == "ok"


@pytest.mark.django_db
def test_a_reachable_redis_is_shared_and_ready(client, settings):
    settings.CACHES = {"default": redis_cache("redis://127.0.0.1:6379/2")}
    from django.core.cache import cache

    cache.set("ops-degrade-probe", "gedeeld", 5)
    assert cache.get("ops-degrade-probe") == "gedeeld" and not cache.degraded
    assert cache.fallback.get("ops-degrade-probe") is None  # it went to Redis, not to the fallback
    cache.delete("ops-degrade-probe")
    payload = client.get("/readyz").json()
    assert payload["checks"]["redis"]["status"] == "ok"


@pytest.mark.django_db
def test_without_redis_readyz_has_no_redis_check(client):
    assert "redis" not in client.get("/readyz").json()["checks"]
