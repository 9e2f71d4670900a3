"""Any query string on any public endpoint is answered without a server error (Hypothesis).

The endpoints and their parameters are listed once here (ENDPOINTS); the values mix arbitrary text
(NUL bytes, quotes, control characters), huge and negative numbers and real codes. bench/fuzz.py runs
the same strategies for many more requests by hand.
"""

from urllib.parse import quote

import pytest
from django.http import QueryDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.facets import FACETS
from tests import factories

SEARCH_PARAMETERS = ["q", "sort", "pagina", "format", *(facet.name for facet in FACETS)]
API_V2_PARAMETERS = [
    "search",
    "search_operator",
    "offset",
    "limit",
    "locale",
    "type",
    "fields",
    "order",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "site",
    "digcompedu",
    "pijler",
    "title",
    "slug",
    "id",
    "show_in_menus",
    "format",
    "_",
]
ENDPOINTS = {
    "/": [],
    "/zoeken/": SEARCH_PARAMETERS,
    "/api/zoeken/": [*SEARCH_PARAMETERS, "page_size"],
    "/zoeken/suggesties/": ["q"],
    "/zoeken/feed/": SEARCH_PARAMETERS,
    "/feed/": [],
    "/embed/": SEARCH_PARAMETERS,
    "/aanbod/": SEARCH_PARAMETERS,
    "/actoren/": SEARCH_PARAMETERS,
    "/api/v2/fiches/": API_V2_PARAMETERS,
    "/api/v2/fiches/find/": ["html_path", "id"],
    "/landschap/": [],
    "/landschap/swot/": ["kwadrant"],
    "/sitemap.xml": ["p"],
    "/robots.txt": [],
    "/api/": [],
    "/healthz": [],
}
# Endpoints with a path segment of their own: the segment is fuzzed too.
PATH_ENDPOINTS = ["/digcompedu/{}/", "/pijlers/{}/", "/f/{}/", "/api/v2/fiches/{}/"]

numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["0", "1", "-1", "9" * 20, "1e9", "0x10", "١٢"]),
)
codes = st.sampled_from(
    ["2", "2.1", "6", "aanbod", "A1", "ja", "nee", "lopend", "titel", "nieuw", "csv", "json", "root"]
)
tricky = st.sampled_from(
    ['"', "'", "\x00", "a\x00b", "%", "\\", "*", "(", ")", "AND", "OR", "-", "xor", "nl-be"]
)
values = st.one_of(st.text(max_size=40), numbers, codes, tricky)


def _query(pairs) -> str:
    query = QueryDict(mutable=True)
    for key, value in pairs:
        query.appendlist(key, value)
    return query.urlencode()


@pytest.fixture
def fiches(site_tree, wagtail_search_index):  # the API's ?search= reads Wagtail's own index
    group = factories.partner_group("Partnergroep Fuzz")
    actor = factories.actor("Actor Fuzz", group=group)
    action = factories.action("Actie Fuzz", organisers=[actor])
    factories.good_practice("Good practice Fuzz", actors=[actor], actions=[action])
    return action


@st.composite
def requests(draw):
    if draw(st.integers(0, 4)) == 0:
        segment = draw(st.one_of(values, st.sampled_from(["2", "aanbod", "1"])))
        return draw(st.sampled_from(PATH_ENDPOINTS)).format(quote(segment, safe="")), ""
    path = draw(st.sampled_from(sorted(ENDPOINTS)))
    names = st.sampled_from([*ENDPOINTS[path], "anders"]) if ENDPOINTS[path] else st.just("anders")
    pairs = draw(st.lists(st.tuples(names, values), max_size=5))
    return path, _query(pairs)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(request=requests())
def test_no_public_endpoint_answers_a_server_error(client, fiches, request):
    path, query = request
    response = client.get(f"{path}?{query}" if query else path)
    assert response.status_code < 500, (path, query)


@pytest.mark.parametrize("template", PATH_ENDPOINTS)
@pytest.mark.parametrize("segment", ["%00", "a%00b", "%F4%85%BC%A9%00%C3%A6", "9" * 30, "%22"])
def test_a_path_segment_with_odd_characters_is_not_found(client, fiches, template, segment):
    """Found by bench/fuzz.py on PostgreSQL: a NUL byte in /digcompedu/<code>/ reached the database."""
    assert client.get(template.format(segment)).status_code in (301, 302, 404)


@pytest.mark.parametrize(
    "query, message",
    [
        ("search=%22", "aanhalingstekens"),
        ("search=a%00b", "stuurtekens"),
        ("search=robot&search_operator=xor", "search_operator"),
        ("offset=" + "9" * 20, "offset"),
        ("limit=-1", "limit"),
        ("locale=xx", "locale"),
        ("child_of=" + "9" * 20, "child_of"),
        ("site=%3Cscript%3E", "site"),
    ],
)
def test_bad_api_parameters_get_a_400_with_a_dutch_message(client, fiches, query, message):
    response = client.get("/api/v2/fiches/?" + query)
    assert response.status_code == 400
    assert message in response.json()["message"]


def test_good_api_parameters_still_work(client, fiches):
    response = client.get("/api/v2/fiches/?search=fuzz&search_operator=or&offset=0&limit=5&locale=nl-be")
    assert response.status_code == 200
    assert "Actie Fuzz" in {item["title"] for item in response.json()["items"]}
