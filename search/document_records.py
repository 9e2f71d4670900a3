"""The indexed fiches as plain records, for what lists them without searching: the sitemap, the API's
taxonomy filters, the daily status refresh. No caller sees the index's tables."""

from dataclasses import dataclass, field
from datetime import datetime

from .models import SearchDocument, SearchFacetValue


@dataclass(frozen=True)
class Document:
    id: int  # the page id
    kind: str
    title: str
    url_path: str
    published_at: datetime | None
    values: dict[str, tuple[str, ...]] = field(default_factory=dict)  # the facets asked for


def documents(
    filters: dict[str, tuple[str, ...]] | None = None, with_values: tuple[str, ...] = ()
) -> list[Document]:
    """Every indexed (live, public) fiche carrying, per filtered facet, one of the values; in page id
    order; with the values of the facets in `with_values`."""
    rows = SearchDocument.objects.order_by("page_id")
    for facet, values in (filters or {}).items():
        rows = rows.filter(
            pk__in=SearchFacetValue.objects.filter(facet=facet, value__in=values).values("document_id")
        )
    found = list(rows.values_list("page_id", "kind", "title", "url_path", "published_at"))
    values: dict[int, dict[str, list[str]]] = {}
    if with_values and found:
        for pk, facet, value in (
            SearchFacetValue.objects.filter(document_id__in=rows.values("page_id"), facet__in=with_values)
            .order_by("value")
            .values_list("document_id", "facet", "value")
        ):
            values.setdefault(pk, {}).setdefault(facet, []).append(value)
    return [
        Document(
            pk, kind, title, url_path, published_at, {f: tuple(v) for f, v in values.get(pk, {}).items()}
        )
        for pk, kind, title, url_path, published_at in found
    ]
