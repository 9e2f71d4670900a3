"""Read-only traffic on PostgreSQL streaming replicas (DATABASE_REPLICA_URLS), writes on the primary.

Which reads go to a replica: only those of an anonymous, safe request (GET, HEAD, OPTIONS without a
session cookie): the public pages, search and the API, the bulk of the traffic. Everything else reads
the primary: a form post, a logged-in user or editor (they read what they just wrote), a request
that wrote something (for the rest of it; after a post the visitor's next REPLICA_PIN_SECONDS too,
through a cookie), anything inside a transaction, and everything outside a request (management
commands, the scheduler, migrations, the index update). Writes always go to the primary and
migrations run only there.

A replica is used only while it is healthy: each process asks it every REPLICA_CHECK_SECONDS whether
it is still a standby (pg_is_in_recovery) and how far it lags (pg_last_xact_replay_timestamp, 0 when
it has replayed all it received). Down, promoted or lagging more than REPLICA_MAX_LAG_SECONDS, it is
skipped for REPLICA_RETRY_SECONDS (a circuit breaker) and its reads go to the primary. A replica that
fails in the middle of a request (between two checks) costs no error: the request is run again on
the primary (safe requests only, which change nothing).

A publish moves the page cache's version at once (operations/page_cache.py); a replica could still
serve the page as it was and the page cache keep that for minutes. So a publish also sends every
node's reads to the primary for as long as a healthy replica may lag (a key in the shared cache).
"""

import logging
import random
import sys
import threading
import time
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.signals import got_request_exception
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

from .outage import database_down

logger = logging.getLogger(__name__)
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
PIN_COOKIE = "lk_primary"
HOLD_KEY = "replicas:primary-until"
LAG_SQL = (
    "SELECT pg_is_in_recovery(), CASE WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM "
    "pg_last_wal_replay_lsn() THEN 0 ELSE COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - "
    "pg_last_xact_replay_timestamp()), 0) END"
)


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


# --- health, per process ---------------------------------------------------------------------------


@dataclass
class Health:
    usable: bool
    until: float  # monotonic time of the next check
    reason: str = ""


_health: dict[str, Health] = {}
_probing = threading.Lock()


def usable(alias: str) -> bool:
    """The last verdict on `alias`, checked again when due (by one thread; the others go on with the
    last verdict, or the primary while there is none)."""
    entry = _health.get(alias)
    if entry is not None and time.monotonic() < entry.until:
        return entry.usable
    if not _probing.acquire(blocking=False):
        return entry.usable if entry is not None else False
    try:
        usable_now, reason = probe(alias)
        wait = settings.REPLICA_CHECK_SECONDS if usable_now else settings.REPLICA_RETRY_SECONDS
        _record(alias, usable_now, reason, wait)
        return usable_now
    finally:
        _probing.release()


def probe(alias: str) -> tuple[bool, str]:
    """(usable, why not) for the replica behind `alias`."""
    connection = connections[alias]
    try:
        with connection.cursor() as cursor:
            if connection.vendor != "postgresql":
                cursor.execute("SELECT 1")
                return True, ""
            cursor.execute(LAG_SQL)
            in_recovery, lag = cursor.fetchone()
    except DatabaseError as error:
        _close(alias)
        return False, f"unreachable ({type(error).__name__})"
    if not in_recovery:
        return False, "not a standby (promoted?)"
    if float(lag) > settings.REPLICA_MAX_LAG_SECONDS:
        return False, f"lags {float(lag):.1f} s"
    return True, ""


def skip_reason(alias: str) -> str:
    entry = _health.get(alias)
    return entry.reason if entry is not None else "nog niet gecontroleerd"


def mark_down(alias: str, reason: str) -> None:
    _record(alias, False, reason, settings.REPLICA_RETRY_SECONDS)


def _record(alias: str, usable_now: bool, reason: str, wait: float) -> None:
    before = _health.get(alias)
    _health[alias] = Health(usable_now, time.monotonic() + wait, reason)
    if before is None or before.usable != usable_now:
        if usable_now:
            logger.info("Read replica %s in use", alias)
        else:
            logger.warning(
                "Read replica %s skipped for %.0f s: %s; reads go to the primary", alias, wait, reason
            )


def _close(alias: str) -> None:
    try:
        connections[alias].close()
    except DatabaseError:
        pass


def reset_health() -> None:
    """Forget every verdict (tests)."""
    _health.clear()


def hold_reads_on_primary() -> None:
    """Every node reads the primary until a healthy replica has surely caught up (after a publish)."""
    if replica_aliases():
        seconds = settings.REPLICA_MAX_LAG_SECONDS + settings.REPLICA_CHECK_SECONDS
        cache.set(HOLD_KEY, time.time() + seconds, int(seconds) + 1)


# --- the request's choice ------------------------------------------------------------------------


@dataclass
class RequestReads:
    primary: bool  # this request reads the primary only
    replica: str | None = None  # the replica chosen for it (one per request: a consistent view)
    wrote: bool = False
    replica_failed: bool = False


_READS: ContextVar[RequestReads | None] = ContextVar("replica_reads", default=None)


class ReplicaRouter:
    """DATABASE_ROUTERS entry: reads of anonymous safe requests to a healthy replica, all else primary."""

    def db_for_read(self, model, **hints):
        reads = _READS.get()
        if reads is None or reads.primary or connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        if reads.replica is not None and usable(reads.replica):
            return reads.replica
        healthy = [alias for alias in replica_aliases() if usable(alias)]
        if not healthy:
            reads.replica = None
            return DEFAULT_DB_ALIAS
        reads.replica = random.choice(healthy)
        return reads.replica

    def db_for_write(self, model, **hints):
        reads = _READS.get()
        if reads is not None:
            reads.wrote = reads.primary = True  # read-your-writes for the rest of the request
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


class ReplicaReadsMiddleware:
    """Decides per request whether its reads may go to a replica; early in MIDDLEWARE (settings add
    it when DATABASE_REPLICA_URLS is set)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reads = RequestReads(primary=self.needs_primary(request))
        token = _READS.set(reads)
        try:
            response = self.get_response(request)
            if reads.replica_failed and request.method in SAFE_METHODS:
                # The replica failed under this request (an error page so far): once more, on the primary.
                reads.primary, reads.replica_failed = True, False
                response = self.get_response(request)
        finally:
            _READS.reset(token)
        if reads.wrote and request.method not in SAFE_METHODS:
            seconds = settings.REPLICA_PIN_SECONDS
            response.set_cookie(
                PIN_COOKIE,
                str(int(time.time() + seconds)),
                max_age=seconds,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

    def needs_primary(self, request) -> bool:
        if request.method not in SAFE_METHODS or settings.SESSION_COOKIE_NAME in request.COOKIES:
            return True
        now = time.time()
        try:
            if float(request.COOKIES.get(PIN_COOKIE) or 0) > now:
                return True
        except ValueError:
            pass
        return float(cache.get(HOLD_KEY) or 0) > now


def _replica_failed(sender, request=None, **kwargs) -> None:
    """got_request_exception: a replica that fails under a request is skipped from now on."""
    reads = _READS.get()
    if reads is not None and reads.replica and not reads.primary and database_down(sys.exc_info()[1]):
        mark_down(reads.replica, "failed under a request")
        _close(reads.replica)
        reads.replica_failed = True


def connect() -> None:
    """Called once from OperationsConfig.ready()."""
    got_request_exception.connect(_replica_failed, dispatch_uid="replicas-failed")
