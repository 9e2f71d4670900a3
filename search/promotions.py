"""Editors' search promotions (Wagtail's search_promotions): for a query, chosen fiches come first,
marked as promoted, whatever backend answered. A promotion respects the active filters."""

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from .facets import HIT_FACETS
from .models import SearchDocument, SearchFacetValue
from .params import SearchParams
from .result import SearchHit, SearchResult


def promoted_page_ids(params: SearchParams) -> list[int]:
    """The pages editors promoted for this query, in their order (only on the first page of results)."""
    if not params.q or params.page != 1:
        return []
    return list(
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(params.q), page__isnull=False
        )
        .order_by("sort_order")
        .values_list("page_id", flat=True)
    )


def apply_promotions(params: SearchParams, result: SearchResult) -> None:
    """Put the promoted fiches that pass the filters first. Idempotent: Elasticsearch already pins
    them in its query; the database backend relies on this step alone."""
    page_ids = promoted_page_ids(params)
    if not page_ids:
        return
    eligible = set(SearchDocument.objects.filter(pk__in=page_ids).values_list("pk", flat=True))
    for facet, values in params.filters.items():
        if values:
            eligible &= set(
                SearchFacetValue.objects.filter(
                    document_id__in=eligible, facet=facet, value__in=values
                ).values_list("document_id", flat=True)
            )
    documents = {doc.pk: doc for doc in SearchDocument.objects.filter(pk__in=eligible)}
    codes = {pk: {name: [] for name in HIT_FACETS} for pk in documents}
    for pk, facet, value in (
        SearchFacetValue.objects.filter(document_id__in=documents, facet__in=HIT_FACETS)
        .order_by("value")
        .values_list("document_id", "facet", "value")
    ):
        codes[pk][facet].append(value)
    promoted = [_hit(documents[pk], codes[pk]) for pk in page_ids if pk in documents]
    promoted_ids = {hit.id for hit in promoted}
    result.hits = promoted + [hit for hit in result.hits if hit.id not in promoted_ids]


def _hit(document: SearchDocument, codes: dict) -> SearchHit:
    return SearchHit(
        id=document.pk,
        type=document.kind,
        title=document.title,
        url_path=document.url_path,
        summary=document.summary,
        source=document.source,
        score=0.0,
        highlight=document.summary,
        published_at=document.published_at,
        digcompedu=sorted(codes["digcompedu"]),
        pijlers=sorted(codes["pijler"]),
        values=codes,
        promoted=True,
    )
