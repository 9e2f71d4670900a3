"""search(params) -> SearchResult: the one entry point for every page, API and export that lists fiches.

Elasticsearch answers when ELASTICSEARCH_URL is set and it is reachable; otherwise the database does
(with a warning in the log), so visitors always get an answer. After a failure a circuit breaker skips
Elasticsearch for ELASTICSEARCH_COOLDOWN_SECONDS, so an outage costs one short timeout, not one per
search. Browsing (no text) is cached per index version whichever backend answers.
"""

import logging
import time
from dataclasses import replace

import pybreaker
from django.conf import settings

from .backends.database import DatabaseBackend
from .backends.selection import BackendUnavailable, breaker, elasticsearch_backend
from .cache import cached
from .matching import TermPlan, build_plan
from .params import SearchParams
from .promotions import apply_promotions
from .result import SearchResult
from .spelling import correct_query
from .synonyms import synonym_map
from .text import words
from .understanding import understand
from .vocabulary import indexed_vocabulary, organisation_words

logger = logging.getLogger(__name__)


def search(params: SearchParams) -> SearchResult:
    started = time.perf_counter()
    if params.interpret and params.q:
        result = _interpreted_search(params)
    else:
        result = _literal_search(params)
        if result.total == 0 and params.q and not result.hits:
            result.suggestion = correct_query(params.q, indexed_vocabulary())  # a link, never applied
    result.took_ms = round((time.perf_counter() - started) * 1000, 1)
    return result


def _literal_search(params: SearchParams, plan: TermPlan | None = None) -> SearchResult:
    if params.q:
        result = _backend_search(params, plan)
    else:
        # Browsing (no text) is what home, section, taxonomy and landscape pages do over and over;
        # its answer only changes with the index.
        key = (params.filters, params.sort, params.page, params.page_size, params.facets)
        result = cached("browse", key, lambda: _backend_search(params))
    apply_promotions(params, result)
    return result


def _interpreted_search(params: SearchParams) -> SearchResult:
    """Facet words become filters, unknown words are corrected, synonyms and compounds are
    alternatives, and when all words together find nothing the best partial matches answer."""
    synonyms = synonym_map()
    text, understood = understand(params.q, synonyms)
    effective = replace(params, q=text, filters=_merged(params.filters, understood)) if understood else params
    if not effective.q.strip():
        result = _filters_only(params, effective)
        result.understood = understood
        return result
    vocabulary = indexed_vocabulary()
    plan = _offers_first(build_plan(effective.q, vocabulary, synonyms), effective.q)
    result = _literal_search(effective, plan)
    correction = correct_query(effective.q, vocabulary)
    if correction and result.total == 0:
        corrected_plan = _offers_first(build_plan(correction, vocabulary, synonyms), correction)
        corrected = _literal_search(replace(effective, q=correction), corrected_plan)
        if corrected.total:
            result, plan = corrected, corrected_plan
            result.corrected, result.corrected_from = correction, effective.q.strip()
        else:
            result.suggestion = correction  # e.g. without the filters it would find something
    elif correction:
        probe = _backend_search(replace(effective, q=correction, facets=False, page=1, page_size=0))
        if probe.total:
            result.suggestion = correction
    if result.total == 0 and len(plan.groups) > 1:
        broad = _literal_search(effective, replace(plan, match_any=True))
        if broad.total:
            result = broad
            result.best_effort = True
    result.understood = understood
    result.searched_q = effective.q.strip()
    return result


def _offers_first(plan: TermPlan, query: str) -> TermPlan:
    """Offers above organisations, unless the query names an organisation ("codefever")."""
    names = organisation_words()
    return replace(plan, offers_first=not any(word in names for word in words(query)))


def _filters_only(params: SearchParams, effective: SearchParams) -> SearchResult:
    """Every word became a filter ("gratis webinar"): the filtered fiches, and when some of them
    also contain the words, those ("ict-coördinator" is about the role, not only tagged with it)."""
    if params.sort == "relevantie":
        texted = _literal_search(
            replace(effective, q=params.q), replace(build_plan(params.q), match_any=True)
        )
        if texted.total:
            return texted
    return _literal_search(replace(effective, q=""))


def _merged(filters: dict, understood) -> dict:
    merged = dict(filters)
    for item in understood:
        merged[item.facet] = tuple(dict.fromkeys((*merged.get(item.facet, ()), item.value)))
    return merged


def _backend_search(params: SearchParams, plan: TermPlan | None = None) -> SearchResult:
    backend = elasticsearch_backend()
    if backend is not None:
        try:
            return breaker().call(backend.search, params, plan)
        except BackendUnavailable as exc:
            logger.warning(
                "Elasticsearch unavailable (%s); answering from the database and skipping it for %ss.",
                exc,
                settings.ELASTICSEARCH_COOLDOWN_SECONDS,
            )
        except pybreaker.CircuitBreakerError:
            logger.info("Elasticsearch skipped after a recent failure; answering from the database.")
    return DatabaseBackend().search(params, plan)
