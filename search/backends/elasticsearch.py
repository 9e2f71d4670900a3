"""The Elasticsearch backend (elasticsearch-dsl, Elasticsearch 8 and 9).

A dedicated index of fiches with a Dutch analyzer (lower-case, accents folded, compounds also as
their parts from the same word list the database uses, `search/data/compound_parts.txt`, Kraaij-Pohlmann
Dutch stems) and a FacetedSearch whose aggregations exclude each facet's own filter: the same
results contract and the same facet-count rule as the database backend. An interpreted query's
synonyms are alternatives in the query (so an editor's change needs no re-index), and its best
effort fallback asks for any word instead of all.
"""

from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from elasticsearch import Elasticsearch
from elasticsearch import exceptions as es_exceptions
from elasticsearch.dsl import FacetedSearch, Mapping, Q, TermsFacet, analyzer, token_filter
from elasticsearch.dsl import Index as EsIndex
from elasticsearch.helpers import bulk

from portal.fiche import offer_kinds

from ..dutch import compound_parts
from ..facets import FACETS, HIT_FACETS, vocabulary
from ..matching import TermPlan
from ..models import SearchDocument
from ..params import SearchParams
from ..promotions import promoted_page_ids
from ..ranking import CONCEPT_BOOST, FIELD_WEIGHTS, OFFER_BOOST
from ..result import FacetValue, SearchHit, SearchResult
from ..synonyms import synonym_map
from ..text import words
from .errors import BackendUnavailable

DUTCH = analyzer(
    "portal_dutch",
    tokenizer="standard",
    filter=[
        "lowercase",
        "asciifolding",
        token_filter(
            "portal_dutch_compounds",
            "dictionary_decompounder",
            word_list=sorted(compound_parts()),
            min_subword_size=3,
            only_longest_match=True,
        ),
        token_filter("portal_dutch_stemmer", "stemmer", language="dutch_kp"),
    ],
)
SORTS = {"titel": ["title_sort", "_id"], "nieuw": [{"published_at": {"order": "desc"}}, "_id"]}
TEXT_FIELDS = [f"{name}^{weight:g}" for name, weight in FIELD_WEIGHTS.items()]
FACET_SIZE = 200  # more than any facet has values


def mapping() -> Mapping:
    m = Mapping()
    m.field("kind", "keyword")
    m.field("title", "text", analyzer=DUTCH)
    m.field("title_sort", "keyword")
    m.field("summary", "text", analyzer=DUTCH)
    m.field("body", "text", analyzer=DUTCH)
    m.field("keywords", "text", analyzer=DUTCH)  # taxonomy labels, tags, organisers: searched, weighed least
    m.field("url_path", "keyword", index=False)
    m.field("source", "keyword")
    m.field("published_at", "date")
    for facet in FACETS:
        m.field(facet.name, "keyword")
    return m


class FicheSearch(FacetedSearch):
    """Free text over title, summary and body; the last word also as a prefix; AND across words."""

    fields = TEXT_FIELDS
    facets = {facet.name: TermsFacet(field=facet.name, size=FACET_SIZE) for facet in FACETS}

    promoted_ids: tuple[int, ...] = ()
    alternatives: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (query word, its synonyms)
    match_any: bool = False
    offers_first: bool = False
    concept_filter: dict | None = None  # the fiches of the concept the query names (search.concepts)
    concept_labels: tuple[str, ...] = ()  # its labels: in the best-effort fallback its fiches may match these
    within: tuple[int, ...] | None = None  # only these fiches may match (search.partial's near misses)

    def query(self, search, query):
        if not query:
            return search
        if self.within is not None:
            search = search.filter("ids", values=[str(pk) for pk in self.within])
        operator = "or" if self.match_any else "and"
        organic = Q("multi_match", query=query, fields=TEXT_FIELDS, type="bool_prefix", operator=operator)
        if self.alternatives:
            # A word with synonyms matches as itself or as any of them; the other words as before.
            expanded = [
                Q("multi_match", query=other, fields=TEXT_FIELDS, operator="and")
                for _, others in self.alternatives
                for other in others
            ]
            organic = Q("bool", should=[organic, *expanded], minimum_should_match=1)
        if self.concept_filter and self.match_any and self.concept_labels:
            # best effort: the concept's fiches that only name the concept answer too, as in the database
            labels = Q("multi_match", query=" ".join(self.concept_labels), fields=TEXT_FIELDS, operator="or")
            organic = Q(
                "bool",
                should=[organic, Q("bool", must=[labels], filter=[self.concept_filter])],
                minimum_should_match=1,
            )
        functions = []
        if self.offers_first:
            # Offers and good practices weigh more than organisations (as OFFER_BOOST in the database).
            functions.append({"filter": {"terms": {"kind": list(offer_kinds())}}, "weight": OFFER_BOOST})
        if self.concept_filter:
            functions.append({"filter": self.concept_filter, "weight": CONCEPT_BOOST})
        if functions:
            organic = Q(
                "function_score",
                query=organic,
                functions=functions,
                score_mode="multiply",
                boost_mode="multiply",
            )
        if self.promoted_ids:
            # Editors' promotions: pinned first, in their order; the facet filters still apply to them.
            return search.query(Q("pinned", ids=[str(pk) for pk in self.promoted_ids], organic=organic))
        return search.query(organic)

    def highlight(self, search):
        return search.highlight_options(
            encoder="html",
            pre_tags=["<mark>"],
            post_tags=["</mark>"],
            fragment_size=240,
            number_of_fragments=1,
        ).highlight("summary", "body")


def build_search(
    params: SearchParams,
    index: str,
    client=None,
    promoted_ids=(),
    plan: TermPlan | None = None,
    synonyms=None,
) -> FicheSearch:
    """The FacetedSearch for these params (no request is sent). Unit tests read its body.

    `plan` (from the service) says whether this is the best-effort fallback; `synonyms` (folded
    phrase -> other phrases) are applied when the query is interpreted."""
    sort = SORTS.get(params.sort, []) if (params.sort != "relevantie" or params.q) else SORTS["titel"]
    if params.sort == "relevantie" and params.q:
        sort = ["_score", "title_sort"]
    search_class = type(
        "PortalFicheSearch",
        (FicheSearch,),
        {
            "index": index,
            "using": client or "default",
            "promoted_ids": tuple(promoted_ids),
            "match_any": bool(plan and plan.match_any),
            "offers_first": bool(plan and plan.offers_first),
            "concept_filter": concept_filter(plan),
            "concept_labels": tuple(" ".join(keys) for keys in plan.concept_group) if plan else (),
            "within": tuple(sorted(plan.within)) if plan and plan.within is not None else None,
            "alternatives": _synonyms_in(params.q, synonyms) if params.interpret and synonyms else (),
        },
    )
    faceted = search_class(
        params.q or None, filters={k: list(v) for k, v in params.filters.items()}, sort=sort
    )
    start = (params.page - 1) * params.page_size
    return faceted[start : start + params.page_size]


def concept_filter(plan: TermPlan | None) -> dict | None:
    """The ES filter of the fiches a concept boost lifts: its facet values, or its tags in the keywords."""
    if plan is None or not (plan.boost or plan.boost_terms):
        return None
    should = [{"term": {facet: value}} for facet, value in plan.boost]
    should += [
        {"match": {"keywords": {"query": " ".join(tag), "operator": "and"}}} for tag in plan.boost_terms
    ]
    return {"bool": {"should": should, "minimum_should_match": 1}}


def request_body(
    params: SearchParams, index: str = "fiches", promoted_ids=(), plan=None, synonyms=None
) -> dict:
    return build_search(params, index, promoted_ids=promoted_ids, plan=plan, synonyms=synonyms)._s.to_dict()


def _synonyms_in(query: str, synonyms: dict) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The query's words and word pairs that have synonyms, with their synonyms."""
    found = words(query)
    phrases = found + [f"{a} {b}" for a, b in zip(found, found[1:], strict=False)]
    return tuple((phrase, synonyms[phrase]) for phrase in phrases if phrase in synonyms)


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, url: str, index: str):
        self.url = url
        self.index = index
        timeout = settings.ELASTICSEARCH_TIMEOUT_SECONDS
        self.client = Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)

    def ping(self) -> bool:
        try:
            return bool(self.client.options(request_timeout=1).ping())
        except Exception:  # any transport failure means "not reachable"
            return False

    def search(self, params: SearchParams, plan: TermPlan | None = None) -> SearchResult:
        promoted = promoted_page_ids(params)
        synonyms = synonym_map() if params.interpret else None
        try:
            response = build_search(params, self.index, self.client, promoted, plan, synonyms).execute()
        except (
            es_exceptions.ConnectionError,
            es_exceptions.ConnectionTimeout,
            es_exceptions.TransportError,
        ) as exc:
            raise BackendUnavailable(str(exc)) from exc
        except es_exceptions.NotFoundError as exc:
            raise BackendUnavailable(f"index {self.index} is missing: run manage.py update_index") from exc
        return SearchResult(
            hits=[self._hit(hit, promoted) for hit in response],
            total=response.hits.total.value,
            facets=self._facets(response, params),
            backend=self.name,
        )

    def _hit(self, hit, promoted_ids=()) -> SearchHit:
        fragments = getattr(hit.meta, "highlight", None)
        snippet = ""
        if fragments:
            snippet = (
                list(getattr(fragments, "summary", [])) or list(getattr(fragments, "body", [])) or [""]
            )[0]
        return SearchHit(
            id=int(hit.meta.id),
            type=hit.kind,
            title=hit.title,
            url_path=hit.url_path,
            summary=hit.summary,
            source=hit.source or "",
            score=round(float(hit.meta.score or 0.0), 4),
            highlight=snippet,
            digcompedu=list(getattr(hit, "digcompedu", []) or []),
            published_at=_datetime(getattr(hit, "published_at", None)),
            pijlers=list(getattr(hit, "pijler", []) or []),
            values={name: sorted(getattr(hit, name, []) or []) for name in HIT_FACETS},
            promoted=int(hit.meta.id) in promoted_ids,
        )

    def _facets(self, response, params: SearchParams) -> dict[str, list[FacetValue]]:
        known = vocabulary()
        result = {}
        for facet in FACETS:
            counts = {value: count for value, count, _selected in getattr(response.facets, facet.name)}
            selected = set(params.filters.get(facet.name, ()))
            result[facet.name] = [
                FacetValue(value, label, counts.get(value, 0), value in selected)
                for value, label in known[facet.name].items()
                if counts.get(value) or value in selected
            ]
        return result

    # --- writing ---

    def create_index(self) -> None:
        index = EsIndex(self.index, using=self.client)
        index.settings(number_of_shards=1, number_of_replicas=0)
        index.analyzer(DUTCH)
        index.mapping(mapping())
        if index.exists():
            index.delete()
        index.create()

    def index_documents(self, documents: list[dict]) -> None:
        actions = [{"_index": self.index, "_id": doc["id"], "_source": _source(doc)} for doc in documents]
        bulk(self.client, actions, refresh="wait_for")

    def delete_documents(self, ids: list[int]) -> None:
        actions = [{"_op_type": "delete", "_index": self.index, "_id": pk} for pk in ids]
        bulk(self.client, actions, raise_on_error=False, refresh="wait_for")

    def rebuild(self, progress: Callable[[str], None] = lambda _: None, batch_size: int = 500) -> int:
        self.create_index()
        total = 0
        for batch in es_documents(batch_size):
            self.index_documents(batch)
            total += len(batch)
            progress(f"Elasticsearch: {total}")
        return total


def _datetime(value):
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def _source(document: dict) -> dict:
    return {key: value for key, value in document.items() if key != "id"}


def es_documents(batch_size: int, ids: list[int] | None = None):
    """The database index as Elasticsearch documents, in batches."""
    documents = SearchDocument.objects.order_by("pk")
    if ids is not None:
        documents = documents.filter(pk__in=ids)
    all_ids = list(documents.values_list("pk", flat=True))
    for start in range(0, len(all_ids), batch_size):
        batch = SearchDocument.objects.filter(pk__in=all_ids[start : start + batch_size]).prefetch_related(
            "facet_values"
        )
        yield [_es_document(document) for document in batch]


def _es_document(document: SearchDocument) -> dict:
    data = {
        "id": document.pk,
        "kind": document.kind,
        "title": document.title,
        "title_sort": document.title_sort,
        "summary": document.summary,
        "body": document.body,
        "keywords": document.keywords,
        "url_path": document.url_path,
        "source": document.source,
        "published_at": document.published_at.isoformat() if document.published_at else None,
    }
    for value in document.facet_values.all():
        data.setdefault(value.facet, []).append(value.value)
    return data
