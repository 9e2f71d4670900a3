"""Query strings become valid SearchParams whatever they hold; property-based over all parameters."""

import pytest
from django.http import QueryDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.facets import FACETS
from search.params import MAX_PAGE_SIZE, SearchParams, parse

pytestmark = pytest.mark.django_db


def qd(query: str) -> QueryDict:
    return QueryDict(query)


def test_known_values_are_kept_and_unknown_ones_reported():
    params = parse(qd("q=robots&digcompedu=6&digcompedu=2.1&digcompedu=9&pijler=aanbod,onbekend&gratis=ja"))
    assert params.q == "robots"
    assert params.filters == {"digcompedu": ("6", "2.1"), "pijler": ("aanbod",), "gratis": ("ja",)}
    assert set(params.ignored) == {"digcompedu=9", "pijler=onbekend"}


def test_page_and_sort_fall_back_to_defaults():
    params = parse(qd("pagina=nul&sort=willekeurig"))
    assert params.page == 1 and params.sort == "relevantie"
    assert set(params.ignored) == {"pagina=nul", "sort=willekeurig"}


def test_query_items_round_trip():
    params = SearchParams(
        q="robots", filters={"niveau": ("A1", "B1"), "type": ("actie",)}, sort="titel", page=3
    )
    again = parse(_as_querydict(params.query_items()))
    assert (again.q, again.filters, again.sort, again.page) == (
        params.q,
        params.filters,
        params.sort,
        params.page,
    )


def _as_querydict(items) -> QueryDict:
    result = QueryDict(mutable=True)
    for key, value in items:
        result.appendlist(key, value)
    return result


facet_names = st.sampled_from(
    [facet.name for facet in FACETS] + ["q", "sort", "pagina", "page_size", "anders"]
)
any_text = st.text(max_size=600)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=st.lists(st.tuples(facet_names, any_text), max_size=12))
def test_any_query_string_gives_valid_params(pairs):
    params = parse(_as_querydict(pairs), allow_page_size=True)
    assert len(params.q) <= 500
    assert 1 <= params.page and 1 <= params.page_size <= MAX_PAGE_SIZE
    assert params.sort in {"relevantie", "titel", "nieuw"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=st.lists(st.tuples(facet_names, any_text), max_size=8))
def test_any_query_string_is_answered_with_200(client, corpus, pairs):
    query = _as_querydict([(k, v.replace("\x00", "")) for k, v in pairs]).urlencode()
    assert client.get("/api/zoeken/?" + query).status_code == 200
    assert client.get("/zoeken/?" + query).status_code == 200
