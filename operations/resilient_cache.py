"""The shared cache on Redis, with a fallback: when Redis is unreachable the portal keeps working on a
cache of its own process, and nobody is locked out.

Everything that uses Django's cache goes through here: the page cache, the search caches, and the rate
limits (allauth's sign-up, login and password-reset limits, the submission and PDF limits), which count
in the cache. django-redis alone offers IGNORE_EXCEPTIONS, which turns every failure into a miss; that
is fine for a cache but fatal for allauth's limiter: it cannot take its lock (an `add` that never
succeeds), waits a second and answers 429 to every login, sign-up and password reset.

So every call goes through a circuit breaker (pybreaker). Redis answers within REDIS_TIMEOUT_SECONDS
or the call counts as a failure; after REDIS_FAILURE_LIMIT failures in a row the breaker opens and,
for REDIS_COOLDOWN_SECONDS, no request waits for Redis at all. Meanwhile every call goes to a local
in-process cache (Django's LocMemCache): pages and search answers are cached per process, and the rate
limits become per-process limits (each worker counts on its own, so a limit is at most WEB_CONCURRENCY
times looser, never off). After the cool-off one call tries Redis again; if it answers, the shared
cache is back. Failing open (no limits) would let sign-up and reset mails be abused during an outage;
counting in the database would move load onto the one service that must stay up. Lockouts after
wrong passwords (django-axes) live in the database and are not affected.

The breaker's state is logged (a warning when it opens, info when it closes) and /readyz reports the
cache as "degraded" while it is open (operations/health.py).
"""

import logging
import socket

import pybreaker
from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from prometheus_client import Counter
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
FALLBACK_CALLS = Counter(
    "portal_redis_fallback_total", "Cache calls answered by the process's memory while Redis was down"
)

# Only these mean "Redis is not there"; a missing key for incr() (ValueError) is an ordinary answer.
OUTAGES = (ConnectionInterrupted, RedisConnectionError, RedisTimeoutError, socket.timeout, OSError)
# The calls of Django's cache API, each of which the local cache can answer as well.
CACHE_API = (
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "set_many",
    "delete_many",
    "has_key",
    "incr",
    "decr",
    "clear",
    "incr_version",
)


class _LogStateChanges(pybreaker.CircuitBreakerListener):
    def __init__(self, location: str, cooldown: float):
        self.location, self.cooldown = location, cooldown

    def state_change(self, breaker, old_state, new_state):
        if new_state.name == pybreaker.STATE_OPEN:
            logger.warning(
                "Redis at %s unreachable: caches and rate limits use this process's memory for %.0f s",
                self.location,
                self.cooldown,
            )
        elif new_state.name == pybreaker.STATE_CLOSED and old_state.name != pybreaker.STATE_CLOSED:
            logger.info("Redis at %s answers again: the shared cache is back", self.location)


class ResilientRedisCache(RedisCache):
    """django-redis' RedisCache behind a circuit breaker, falling back to a per-process LocMemCache.

    OPTIONS (besides django-redis' own): FAILURE_LIMIT (failures in a row that open the breaker),
    COOLDOWN_SECONDS (how long Redis is skipped), FALLBACK_MAX_ENTRIES (size of the local cache).
    Set SOCKET_CONNECT_TIMEOUT and SOCKET_TIMEOUT too: a Redis that accepts and never answers must
    cost a fraction of a second, not a hang.
    """

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        failure_limit = int(options.pop("FAILURE_LIMIT", 3))
        cooldown = float(options.pop("COOLDOWN_SECONDS", 30))
        max_entries = int(options.pop("FALLBACK_MAX_ENTRIES", 3000))
        options["IGNORE_EXCEPTIONS"] = False  # failures must reach the breaker
        super().__init__(server, {**params, "OPTIONS": options})
        self.breaker = pybreaker.CircuitBreaker(
            fail_max=failure_limit,
            reset_timeout=cooldown,
            exclude=[lambda error: not isinstance(error, OUTAGES)],
            listeners=[_LogStateChanges(_redacted(server), cooldown)],
            name="redis-cache",
        )
        self.fallback = LocMemCache(
            f"redis-fallback-{id(self)}",
            {
                "TIMEOUT": params.get("TIMEOUT", 300),
                "KEY_PREFIX": params.get("KEY_PREFIX", ""),
                "VERSION": params.get("VERSION", 1),
                "OPTIONS": {"MAX_ENTRIES": max_entries},
            },
        )

    @property
    def degraded(self) -> bool:
        """True while Redis is being skipped (the breaker is open or trying it again)."""
        return self.breaker.current_state != pybreaker.STATE_CLOSED

    def reachable(self) -> bool:
        """False while the breaker skips Redis; otherwise a PING (within the socket timeout)."""
        if self.degraded:
            return False
        try:
            return bool(self.breaker.call(lambda: self.client.get_client(write=False).ping()))
        except (pybreaker.CircuitBreakerError, *OUTAGES):
            return False

    def _guarded(self, name: str, args, kwargs):
        try:
            return self.breaker.call(getattr(super(), name), *args, **kwargs)
        except pybreaker.CircuitBreakerError:
            pass
        except OUTAGES as error:
            logger.debug("Redis call %s failed (%s); answered from this process's cache", name, error)
        FALLBACK_CALLS.inc()
        return getattr(self.fallback, name)(*args, **kwargs)


def _guard(name: str):
    def method(self, *args, **kwargs):
        return self._guarded(name, args, kwargs)

    method.__name__ = name
    method.__doc__ = f"RedisCache.{name}, or the local cache while Redis is unreachable."
    return method


for _name in CACHE_API:
    setattr(ResilientRedisCache, _name, _guard(_name))


def _redacted(server) -> str:
    """The address without a password, for the log."""
    location = server[0] if isinstance(server, list | tuple) else str(server)
    scheme, _, rest = location.rpartition("://")
    return f"{scheme}://{rest.rpartition('@')[2]}" if scheme else rest.rpartition("@")[2]
