"""The search engine's door: everything the rest of the site may call, re-exported by `search`.

Modules outside the engine import only `search` (an import-linter contract keeps them out of its
modules and models), so the storage, the ranking and the backends can change behind this list.
"""

from django.db.models import prefetch_related_objects

from .autocomplete import suggest
from .backends.selection import breaker_is_open, elasticsearch_backend
from .cache import bump_index_version, cached, index_version, per_page
from .document_records import Document, documents
from .facet_crosstab import crosstab
from .facets import FACETS, FACETS_BY_NAME, HIT_FACETS, YES_NO
from .facets import vocabulary as facet_vocabulary
from .indexing import index_failures, index_pages, prefetches, rebuild, remove_pages
from .params import MAX_PAGE_SIZE, SORTS, SearchParams, parse
from .result import FacetValue, SearchHit, SearchResult
from .service import search
from .signals import announce_search, search_performed
from .text import clean_query, fold
from .text import words as text_words

__all__ = [
    "FACETS",
    "FACETS_BY_NAME",
    "HIT_FACETS",
    "MAX_PAGE_SIZE",
    "SORTS",
    "YES_NO",
    "Document",
    "FacetValue",
    "SearchHit",
    "SearchParams",
    "SearchResult",
    "announce_search",
    "backend_status",
    "cached_per_index_version",
    "clean_query",
    "crosstab",
    "documents",
    "facet_vocabulary",
    "fold",
    "forget_cached_answers",
    "index",
    "index_failures",
    "index_version",
    "parse",
    "per_page",
    "rebuild",
    "remove",
    "search",
    "search_performed",
    "suggest",
    "text_words",
]

cached_per_index_version = cached  # compute(name, parts) once per index version


def index(pages) -> int:
    """Index (again) these fiche pages: live and public ones are found, the others are not."""
    pages = list(pages)
    for kind in {type(page) for page in pages}:
        prefetch_related_objects([page for page in pages if type(page) is kind], *prefetches(kind))
    return index_pages(pages)


def remove(page_ids: list[int]) -> None:
    """Take these pages out of every search surface."""
    remove_pages(list(page_ids))


def forget_cached_answers() -> None:
    """Give the index a new version, so no answer cached for the old one is used (after a restore)."""
    bump_index_version()


def backend_status() -> tuple[str, str | None]:
    """(the backend that answers, a Dutch warning when it is not the configured one, or None)."""
    backend = elasticsearch_backend()
    if backend is None:
        return "database", None
    if breaker_is_open():
        return "elasticsearch", "Elasticsearch is overgeslagen na een fout; de database antwoordt."
    if not backend.ping():
        return "elasticsearch", "Elasticsearch antwoordt niet; de database antwoordt."
    return "elasticsearch", None
