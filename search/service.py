"""search(params) -> SearchResult: the one entry point for every page, API and export that lists fiches.

Elasticsearch answers when ELASTICSEARCH_URL is set and it is reachable; otherwise the database does
(with a warning in the log), so visitors always get an answer.
"""

import difflib
import logging
import time
from functools import lru_cache

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


def search(params: SearchParams) -> SearchResult:
    started = time.perf_counter()
    result = None
    backend = elasticsearch_backend()
    if backend is not None:
        try:
            result = backend.search(params)
        except BackendUnavailable as exc:
            logger.warning("Elasticsearch unavailable (%s); answering from the database.", exc)
    if result is None:
        result = _database_search(params)
    apply_promotions(params, result)
    if result.total == 0 and params.q and not result.hits:
        result.suggestion = suggest_spelling(params.q)
    result.took_ms = round((time.perf_counter() - started) * 1000, 1)
    return result


def _database_search(params: SearchParams) -> SearchResult:
    # Browsing (no text) is what home, section, taxonomy and landscape pages do over and over;
    # its answer only changes with the index.
    if params.q:
        return DatabaseBackend().search(params)
    key = (params.filters, params.sort, params.page, params.page_size, params.facets)
    return cached("browse", key, lambda: DatabaseBackend().search(params))


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
