"""Which backend answers: Elasticsearch when ELASTICSEARCH_URL is set and its circuit is closed.

After a failure a circuit breaker skips Elasticsearch for ELASTICSEARCH_COOLDOWN_SECONDS, so an outage
costs one short timeout, not one per search. Kept apart from the service and the indexing so both can
ask for the backend without importing each other.
"""

from functools import lru_cache

import pybreaker
from django.conf import settings

from .elasticsearch import ElasticsearchBackend
from .errors import BackendUnavailable


@lru_cache(maxsize=4)
def _elasticsearch_backend_for(url: str, index: str) -> ElasticsearchBackend:
    return ElasticsearchBackend(url, index)


def elasticsearch_backend() -> ElasticsearchBackend | None:
    if not settings.ELASTICSEARCH_URL:
        return None
    return _elasticsearch_backend_for(settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_INDEX)


@lru_cache(maxsize=8)
def _breaker_for(url: str, cooldown_seconds: float) -> pybreaker.CircuitBreaker:
    # One failure opens the circuit; after the cool-off one trial search goes through again.
    return pybreaker.CircuitBreaker(
        fail_max=1,
        reset_timeout=cooldown_seconds,
        exclude=[lambda exc: not isinstance(exc, BackendUnavailable)],
        name="elasticsearch",
        throw_new_error_on_trip=False,  # the failing search reports its own cause
    )


def breaker() -> pybreaker.CircuitBreaker:
    return _breaker_for(settings.ELASTICSEARCH_URL, float(settings.ELASTICSEARCH_COOLDOWN_SECONDS))


def breaker_is_open() -> bool:
    return breaker().current_state == pybreaker.STATE_OPEN
