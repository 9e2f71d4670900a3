"""search(params) -> SearchResult: the one entry point for every page, API and export that lists fiches.

Elasticsearch answers when ELASTICSEARCH_URL is set and it is reachable; otherwise the database does
(with a warning in the log), so visitors always get an answer. After a failure a circuit breaker skips
Elasticsearch for ELASTICSEARCH_COOLDOWN_SECONDS, so an outage costs one short timeout, not one per
search. Browsing (no text) is cached per index version whichever backend answers.
"""

import difflib
import logging
import time
from functools import lru_cache

import pybreaker
from django.conf import settings

from .backends.database import DatabaseBackend
from .cache import cached
from .models import SearchDocument
from .params import SearchParams
from .promotions import apply_promotions
from .result import SearchResult
from .text import STOPWORDS, words

logger = logging.getLogger(__name__)


class BackendUnavailable(Exception):
    """The search engine could not be reached; the caller falls back to the database."""


@lru_cache(maxsize=4)
def _elasticsearch_backend_for(url: str, index: str):
    from .backends.elasticsearch import ElasticsearchBackend

    return ElasticsearchBackend(url, index)


def elasticsearch_backend():
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


def search(params: SearchParams) -> SearchResult:
    started = time.perf_counter()
    if params.q:
        result = _backend_search(params)
    else:
        # Browsing (no text) is what home, section, taxonomy and landscape pages do over and over;
        # its answer only changes with the index.
        key = (params.filters, params.sort, params.page, params.page_size, params.facets)
        result = cached("browse", key, lambda: _backend_search(params))
    apply_promotions(params, result)
    if result.total == 0 and params.q and not result.hits:
        result.suggestion = suggest_spelling(params.q)
    result.took_ms = round((time.perf_counter() - started) * 1000, 1)
    return result


def _backend_search(params: SearchParams) -> SearchResult:
    backend = elasticsearch_backend()
    if backend is not None:
        try:
            return breaker().call(backend.search, params)
        except BackendUnavailable as exc:
            logger.warning(
                "Elasticsearch unavailable (%s); answering from the database and skipping it for %ss.",
                exc,
                settings.ELASTICSEARCH_COOLDOWN_SECONDS,
            )
        except pybreaker.CircuitBreakerError:
            logger.info("Elasticsearch skipped after a recent failure; answering from the database.")
    return DatabaseBackend().search(params)


def suggest_spelling(query: str) -> str:
    """The query with each unknown word replaced by the closest word of the titles, or ''."""
    vocabulary = _title_words()
    changed, suggestion = False, []
    for word in words(query):
        if word in vocabulary or word in STOPWORDS or len(word) < 3:
            suggestion.append(word)
            continue
        close = difflib.get_close_matches(word, vocabulary.get_bucket(word), n=1, cutoff=0.75)
        suggestion.append(close[0] if close else word)
        changed = changed or bool(close)
    return " ".join(suggestion) if changed else ""


class _Vocabulary(set):
    """Title words, bucketed by first letter so matching stays fast on large inventories."""

    def get_bucket(self, word: str) -> list[str]:
        return [candidate for candidate in self if candidate[:1] == word[:1]]


def _title_words() -> _Vocabulary:
    def collect() -> _Vocabulary:
        vocabulary = _Vocabulary()
        for title in SearchDocument.objects.values_list("title", flat=True).iterator():
            vocabulary.update(word for word in words(title) if len(word) >= 3)
        return vocabulary

    return cached("title-words", (), collect)
