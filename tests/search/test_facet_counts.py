"""The database backend's facet counts (bitmaps, search.bitmaps) equal a plain ORM count on the inventory,
for text and browse queries, with and without filters, and follow a publish at once."""

from dataclasses import replace

import pytest
from django.db.models import Count

from search.backends.database import DatabaseBackend
from search.facets import FACETS, vocabulary
from search.models import SearchDocument, SearchFacetValue
from search.params import SearchParams
from tests import factories

pytestmark = pytest.mark.django_db

FILTER_SETS = [
    {},
    {"type": ("actie",)},
    {"digcompedu": ("2",)},
    {"type": ("actie", "goodpractice"), "pijler": ("aanbod",)},
    {"digcompedu": ("2", "3.1"), "gratis": ("ja",)},
    {"type": ("actie",), "vorm": None, "niveau": None},  # None: the most common value, filled in below
    {"status": None, "doelgroep": None, "type": ("actie", "actor")},
]
QUERIES = ["", "digitale", "media", "programmeren leerlingen", "sc"]


def most_common(facet: str) -> str:
    row = (
        SearchFacetValue.objects.filter(facet=facet)
        .values("value")
        .annotate(n=Count("id"))
        .order_by("-n", "value")
        .first()
    )
    return row["value"] if row else "none"


def expected(params: SearchParams) -> tuple[dict[str, dict[str, int]], int]:
    """Counts the straightforward way: the matching ids, then one ORM count per facet."""
    documents = SearchDocument.objects.all()
    if params.q:
        everything = replace(params, filters={}, facets=False, page_size=100_000, page=1)
        ids = [hit.id for hit in DatabaseBackend().search(everything).hits]
        documents = documents.filter(page_id__in=ids)

    def passing(skip: str | None):
        result = documents
        for facet, values in params.filters.items():
            if facet != skip and values:
                carrying = SearchFacetValue.objects.filter(facet=facet, value__in=values)
                result = result.filter(page_id__in=carrying.values("document_id"))
        return result

    known = vocabulary()
    counts = {}
    for facet in FACETS:
        skip = facet.name if params.filters.get(facet.name) else None
        rows = (
            SearchFacetValue.objects.filter(facet=facet.name, document_id__in=passing(skip).values("page_id"))
            .values("value")
            .annotate(n=Count("id"))
        )
        found = {row["value"]: row["n"] for row in rows}
        selected = params.filters.get(facet.name, ())
        counts[facet.name] = {
            value: found.get(value, 0) for value in known[facet.name] if found.get(value) or value in selected
        }
    return counts, passing(None).count()


def counted(params: SearchParams) -> tuple[dict[str, dict[str, int]], int]:
    result = DatabaseBackend().search(params)
    return {name: {v.value: v.count for v in values} for name, values in result.facets.items()}, result.total


def test_counts_equal_a_plain_count_for_many_queries_and_filters(inventory):
    checked = 0
    for filters in FILTER_SETS:
        filters = {facet: values or (most_common(facet),) for facet, values in filters.items()}
        for q in QUERIES:
            params = SearchParams(q=q, filters=filters)
            assert counted(params) == expected(params), (q, filters)
            checked += 1
    assert checked == len(FILTER_SETS) * len(QUERIES)
    # The broad browse query counts something in every facet that has values.
    facets, total = counted(SearchParams())
    assert total == SearchDocument.objects.count() > 50
    assert sum(facets["type"].values()) == total


def test_publishing_and_unpublishing_change_the_counts_at_once(site_tree):
    def counts() -> tuple[int, int, int]:
        facets, total = counted(SearchParams(q="klimaatdidactiek"))
        browse, everything = counted(SearchParams(filters={"type": ("actie",)}))
        return total, facets["type"].get("actie", 0), browse["type"].get("actie", 0)

    factories.action("Iets anders", live=True)
    before = counts()
    assert before[:2] == (0, 0)
    draft = factories.action("Klimaatdidactiek online", live=False)
    draft.save_revision().publish()
    published = counts()
    assert published == (1, 1, before[2] + 1)
    draft.refresh_from_db()
    draft.unpublish()
    assert counts() == before
