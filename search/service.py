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
from pyroaring import BitMap

from .backends.database import DatabaseBackend
from .backends.selection import BackendUnavailable, breaker, elasticsearch_backend
from .bitmaps import facet_bitmaps
from .cache import cached
from .concepts import ConceptMatch, label_words, match_concept
from .lexicon import loanwords
from .matching import TermPlan, build_plan
from .params import SearchParams
from .partial import NEAR_MISS_LIMIT, coordinated, merged, near_misses, with_missing_words
from .promotions import apply_promotions
from .result import SearchResult
from .spelling import correct_query, suggest_query
from .synonyms import synonym_map
from .text import STOPWORDS, words
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


RELAX_BELOW = 3  # implied filters that leave fewer results are relaxed, the least certain first
# ... and so are they when they keep less than this share of the first POORER_DEPTH fiches the words
# find without them: the words describe other fiches far better than the ones the filters keep.
POORER_SHARE, POORER_DEPTH = 0.5, 10


def _interpreted_search(params: SearchParams) -> SearchResult:
    """Facet words become filters, unknown words are corrected, synonyms and compounds are
    alternatives, and when all words together find nothing the best partial matches answer.
    When the filters the query implied leave fewer than RELAX_BELOW results, they are dropped one
    phrase at a time, the least certain first, and the result says which (`relaxed`)."""
    synonyms = _with_loanwords(synonym_map())
    text, understood = understand(params.q, synonyms)
    concept = match_concept(params.q) if params.concepts else None
    result = _understood_search(params, text, understood, synonyms, concept)
    meaningful = any(word not in STOPWORDS for word in words(text))
    if understood and meaningful and params.sort == "relevantie" and result.total >= RELAX_BELOW:
        # The filters keep few of the fiches the words describe best ("gratis lesmateriaal": the
        # organisations that *are* free teaching material carry no cost): the words' own ranking
        # answers, and the result says the filters were relaxed (each one click away).
        unfiltered = _understood_search(params, text, [], synonyms, concept)
        best = unfiltered.hits[:POORER_DEPTH]
        kept = _passing(understood)
        if best and sum(hit.id in kept for hit in best) < POORER_SHARE * len(best):
            unfiltered.understood, unfiltered.relaxed = [], list(understood)
            return unfiltered
    if understood and result.total < RELAX_BELOW:
        kept, relaxed = list(understood), []
        for phrase in _relax_order(understood):
            kept = [item for item in kept if item.phrase != phrase]
            relaxed += [item for item in understood if item.phrase == phrase]
            wider = _understood_search(params, text, kept, synonyms, concept)
            if wider.total > result.total:
                result = _strict_first(result, wider)
                result.relaxed = list(relaxed)
            if wider.total >= RELAX_BELOW:
                break
    return result


def _passing(understood) -> BitMap:
    """The documents that meet every understood filter (one of its values per facet)."""
    values = facet_bitmaps().values
    passing = None
    for facet, chosen in _merged({}, understood).items():
        found = BitMap.union(BitMap(), *(values.get(facet, {}).get(value, BitMap()) for value in chosen))
        passing = found if passing is None else passing & found
    return passing if passing is not None else BitMap()


def _with_loanwords(synonyms: dict) -> dict:
    """The editors' synonyms plus, for each loanword, the Dutch words it is also searched as."""
    merged = dict(synonyms)
    for word, dutch in loanwords().items():
        if dutch:
            merged[word] = tuple(dict.fromkeys((*dutch, *synonyms.get(word, ()))))
    return merged


def _strict_first(strict: SearchResult, wider: SearchResult) -> SearchResult:
    """The wider result with the few hits that met every implied filter on top of its first page."""
    full = [hit for hit in strict.hits if not hit.partial]  # not the partial matches that filled it up
    if full and wider.hits:
        ids = {hit.id for hit in full}
        wider.hits = (full + [hit for hit in wider.hits if hit.id not in ids])[: len(wider.hits)]
        wider.partial = sum(hit.partial for hit in wider.hits)
    return wider


def _relax_order(understood) -> list[str]:
    """The phrases, least certain first; of equally certain ones the last typed first."""
    certainty: dict[str, int] = {}
    for item in understood:
        certainty[item.phrase] = max(certainty.get(item.phrase, 0), item.certainty)
    order = list(certainty)
    return sorted(reversed(order), key=lambda phrase: certainty[phrase])


def _understood_search(
    params: SearchParams, text: str, understood, synonyms, concept: ConceptMatch | None = None
) -> SearchResult:
    effective = replace(params, q=text, filters=_merged(params.filters, understood))
    if not effective.q.strip():
        result = _filters_only(params, effective)
        result.understood = understood
        return result
    vocabulary = indexed_vocabulary()

    def planned(plan: TermPlan, query: str) -> TermPlan:
        """Offers first unless an organisation is named; the named concept's fiches first (a
        corrected query may name one the typo hid: "computationeel denkn")."""
        named = concept
        if named is None and query != effective.q and params.concepts:
            named = match_concept(query)
        return _boosted(_offers_first_plan(plan, query), named)

    plan = planned(build_plan(effective.q, vocabulary, synonyms), effective.q)
    result = _literal_search(effective, plan)
    known = label_words() if params.concepts else frozenset()  # a typo may be of a concept's word
    correction = correct_query(effective.q, vocabulary, known=known)
    corrected_plan = None
    if correction and result.total == 0:
        corrected_plan = planned(build_plan(correction, vocabulary, synonyms), correction)
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
    elif result.total < RELAX_BELOW:
        # real words the index lacks are never replaced; their closest indexed spelling is offered
        doubt = suggest_query(effective.q, vocabulary, known=known)
        if doubt:
            probe = _backend_search(replace(effective, q=doubt, facets=False, page=1, page_size=0))
            if probe.total > result.total:
                result.suggestion = doubt
    concept_only = corrected_plan is not None and bool(corrected_plan.concept_group)  # "robotcia"
    if result.total == 0 and (len(plan.groups) > 1 or plan.concept_group or concept_only):
        # the best partial matches, of the corrected words when there is a correction
        broad_q, broad_plan = (correction, corrected_plan) if corrected_plan else (effective.q, plan)
        broad = _literal_search(replace(effective, q=broad_q), replace(broad_plan, match_any=True))
        if broad.total:
            if corrected_plan:
                broad.corrected, broad.corrected_from = correction, effective.q.strip()
            else:
                broad.suggestion = result.suggestion
            result, plan = broad, broad_plan
            result.best_effort = True
            result.hits = with_missing_words(result.hits, broad_plan, facet_bitmaps().version, broad_q)
    elif result.total and len(plan.groups) > 1 and effective.sort == "relevantie":
        _with_partial_matches(result, effective, plan)
    result.understood = understood
    result.searched_q = effective.q.strip()
    result.concept = plan.concept if plan.boost or plan.boost_terms else None
    return result


def _with_partial_matches(result: SearchResult, params: SearchParams, plan: TermPlan) -> None:
    """Fiches that lack some of the words, among the full matches (search.partial): a short first
    page goes on with the best of them; a longer list takes onto its first page the near misses (one
    word lacking: "opleiding tot ict-coördinator" -> the ICT coordinator's profile) that score above
    some of its full matches, and the full matches they push on follow on the next pages. The total
    stays that of the full matches; `partial` says how many others the list holds."""
    version = facet_bitmaps().version
    size = params.page_size
    if result.total < size:
        if params.page == 1:
            broad_params = replace(params, facets=False, page_size=size + len(result.hits))
            broad = _literal_search(broad_params, replace(plan, match_any=True))
            result.hits = coordinated(result.hits, broad.hits, plan, version, size)
            result.partial = sum(hit.partial for hit in result.hits)
    else:
        near = near_misses(plan, version)
        if not near or len(near) > NEAR_MISS_LIMIT:
            return
        near_plan = replace(plan, match_any=True, within=frozenset(near), concept_group=())
        first_page = replace(params, facets=False, page=1)
        near_hits = _literal_search(first_page, near_plan).hits
        full = result.hits if params.page == 1 else _literal_search(first_page, plan).hits
        page_one = merged(full, near_hits, plan, version)[:size]
        shown = sum(hit.partial for hit in page_one)
        if not shown:
            return
        result.partial = shown
        if params.page == 1:
            result.hits = page_one
        else:  # the full matches go on where page one left them
            start = (params.page - 1) * size - shown
            result.hits = _literal_search(replace(first_page, page_size=start + size), plan).hits[start:]
    result.hits = with_missing_words(result.hits, plan, version, params.q)


def _boosted(plan: TermPlan, concept: ConceptMatch | None) -> TermPlan:
    """The plan with the named concept's fiches ranked first (search.concepts)."""
    if concept is None or not plan:
        return plan
    return replace(
        plan, boost=concept.values, boost_terms=concept.tag_keys, concept_group=concept.terms, concept=concept
    )


def _offers_first_plan(plan: TermPlan, query: str) -> TermPlan:
    """Offers above organisations, unless the query names an organisation ("codefever")."""
    names = organisation_words()
    return replace(plan, offers_first=not any(word in names for word in words(query)))


def _filters_only(params: SearchParams, effective: SearchParams) -> SearchResult:
    """Every word became a filter ("gratis webinar"): the filtered fiches, and when some of them
    also contain the words, those ("ict-coördinator" is about the role, not only tagged with it).
    When only one or two contain them, they come first and the other filtered fiches follow."""
    if params.sort == "relevantie":
        texted = _literal_search(
            replace(effective, q=params.q), replace(build_plan(params.q), match_any=True)
        )
        if texted.total >= RELAX_BELOW:
            return texted
        if texted.total:
            return _strict_first(texted, _literal_search(replace(effective, q="")))
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
