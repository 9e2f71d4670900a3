"""/healthz (liveness: the process answers) and /readyz (readiness: database, cache and search backend,
each with its state, as JSON). The checks run through django-health-check.

/readyz answers 503 when a service the portal needs is down, and 200 with "status": "warning" when it
runs degraded (Elasticsearch skipped and the database answering, or a per-process cache shared by
nobody while WEB_CONCURRENCY > 1). While Redis is unreachable and caches and rate limits run on each
process's own memory (operations/resilient_cache.py), the cache check and the whole answer say
"degraded", still with 200: every node shares the same Redis, so taking nodes out of the load balancer
would turn a degraded site into no site. The same for a read replica that is down or lags: it is
skipped and the primary serves its reads.
"""

import asyncio
import dataclasses
import os

from django.core.cache import caches
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable, ServiceWarning
from health_check.views import HealthCheckView

from search import backend_status, index_failures

from . import replicas

PER_PROCESS_CACHES = ("LocMemCache", "DummyCache")
# The overall status is the worst of the checks'.
SEVERITY = ("ok", "warning", "degraded", "unavailable")


class Degraded(ServiceWarning):
    """The service answers, on a fallback."""


@require_GET
@never_cache
def liveness(request):
    return JsonResponse({"status": "ok"})


@dataclasses.dataclass
class SearchBackend(HealthCheck):
    """Elasticsearch when configured (a short ping, and the circuit breaker's state); else the database.
    Failed index updates since the last rebuild are a warning too: the index misses a change."""

    def run(self):
        _name, warning = backend_status()
        if warning:
            raise ServiceWarning(warning)
        failures = index_failures()
        if failures:
            raise ServiceWarning(
                f"{failures} indexupdate(s) mislukt (zie het log); voer manage.py update_index uit."
            )

    def pretty_status(self) -> str:
        return backend_status()[0]


@dataclasses.dataclass
class SharedCache(HealthCheck):
    """Several workers with a cache of their own each keep their own copy of every cached answer."""

    def run(self):
        workers = int(os.environ.get("WEB_CONCURRENCY", "1") or 1)
        if workers > 1 and cache_is_per_process():
            raise ServiceWarning(
                f"WEB_CONCURRENCY={workers} met een cache per proces: zet REDIS_URL zodat alle "
                "workers één cache delen."
            )


@dataclasses.dataclass
class SharedCacheReachable(HealthCheck):
    """The shared cache (Redis) answers, or caches and rate limits run on this process's memory."""

    def run(self):
        reachable = getattr(caches["default"], "reachable", None)
        if reachable is not None and not reachable():
            raise Degraded("Redis antwoordt niet: caches en limieten draaien per proces tot Redis terug is.")


@dataclasses.dataclass
class ReadReplicas(HealthCheck):
    """The read replicas (DATABASE_REPLICA_URLS): one that is down or lags is skipped, its reads go to
    the primary (operations/replicas.py), so the site runs degraded, not down."""

    def run(self):
        skipped = [alias for alias in replicas.replica_aliases() if not replicas.usable(alias)]
        if skipped:
            reasons = ", ".join(f"{alias} ({replicas.skip_reason(alias)})" for alias in skipped)
            raise Degraded(f"Leesreplica overgeslagen: {reasons}; er wordt gelezen op de primaire database.")


def cache_is_per_process() -> bool:
    return type(caches["default"]).__name__ in PER_PROCESS_CACHES


CHECK_NAMES = {
    "Database": "database",
    "Cache": "cache",
    "SharedCacheReachable": "redis",
    "SearchBackend": "search",
    "SharedCache": "shared_cache",
    "ReadReplicas": "replicas",
}


class ReadinessView(HealthCheckView):
    checks = (
        "health_check.checks.Database",
        "health_check.checks.Cache",
        SharedCacheReachable,
        SearchBackend,
        SharedCache,
        ReadReplicas,
    )

    def get_checks(self):
        """Every check, but the Redis one only where the cache is on Redis and the replicas' only where
        there are replicas."""
        on_redis = hasattr(caches["default"], "reachable")
        with_replicas = bool(replicas.replica_aliases())
        for check in super().get_checks():
            if isinstance(check, SharedCacheReachable) and not on_redis:
                continue
            if isinstance(check, ReadReplicas) and not with_replicas:
                continue
            yield check

    async def get(self, request, *args, **kwargs):
        with self.get_executor() as executor:
            results = await asyncio.gather(*(check.get_result(executor) for check in self.get_checks()))
        return readiness_response(results)


def readiness_response(results) -> JsonResponse:
    checks, overall = {}, "ok"
    for result in results:
        name = CHECK_NAMES.get(type(result.check).__name__, type(result.check).__name__)
        entry = {"status": "ok", "ms": round(result.time_taken * 1000, 1)}
        if isinstance(result.error, ServiceWarning):
            state = "degraded" if isinstance(result.error, Degraded) else "warning"
            entry.update(status=state, message=result.error.message)
        elif result.error is not None:
            message = result.error.message if isinstance(result.error, ServiceUnavailable) else "fout"
            entry.update(status="unavailable", message=str(message))
        elif name == "search":
            entry["backend"] = result.check.pretty_status()
        overall = max(overall, entry["status"], key=SEVERITY.index)
        checks[name] = entry
    payload = {"status": overall, "checks": checks}
    return JsonResponse(payload, status=503 if overall == "unavailable" else 200)


readiness = never_cache(ReadinessView.as_view())
