"""The requests the Elasticsearch backend builds (no server needed), and the fallback to the database."""

import logging
from dataclasses import replace

import pytest

from search.backends.elasticsearch import mapping, request_body
from search.matching import build_plan
from search.params import SearchParams

pytestmark = pytest.mark.django_db


def test_free_text_is_a_prefix_aware_multi_match_with_title_boost():
    body = request_body(SearchParams(q="programm"))
    query = body["query"]["multi_match"]
    assert query["query"] == "programm" and query["type"] == "bool_prefix" and query["operator"] == "and"
    assert query["fields"][0] == "title^3"


def test_filters_are_post_filters_and_each_facet_count_ignores_its_own_filter():
    body = request_body(SearchParams(filters={"digcompedu": ("6",), "gratis": ("ja",)}))
    post_filter = str(body["post_filter"])
    assert "digcompedu" in post_filter and "gratis" in post_filter
    own = str(body["aggs"]["_filter_gratis"]["filter"])
    assert "digcompedu" in own and "gratis" not in own
    other = str(body["aggs"]["_filter_pijler"]["filter"])
    assert "digcompedu" in other and "gratis" in other
    assert body["aggs"]["_filter_pijler"]["aggs"]["pijler"]["terms"]["field"] == "pijler"


def test_values_of_one_facet_are_or_ed():
    body = request_body(SearchParams(filters={"niveau": ("A1", "B1")}))
    assert "should" in str(body["post_filter"]) or "terms" in str(body["post_filter"])


def test_sort_and_pagination():
    assert request_body(SearchParams(sort="titel"))["sort"][0] == "title_sort"
    assert request_body(SearchParams(sort="nieuw"))["sort"][0] == {"published_at": {"order": "desc"}}
    assert request_body(SearchParams(q="robots"))["sort"][0] == "_score"
    body = request_body(SearchParams(page=3, page_size=10))
    assert body["from"] == 20 and body["size"] == 10


def test_highlighting_is_html_escaped_with_marks():
    highlight = request_body(SearchParams(q="robots"))["highlight"]
    assert highlight["encoder"] == "html" and highlight["pre_tags"] == ["<mark>"]


def test_the_mapping_uses_a_dutch_analyzer_and_keyword_facets():
    properties = mapping().to_dict()["properties"]
    assert properties["title"]["analyzer"] == "portal_dutch"
    assert properties["digcompedu"]["type"] == "keyword" and properties["gratis"]["type"] == "keyword"


def test_an_unreachable_elasticsearch_falls_back_to_the_database(corpus, settings, caplog):
    from search import service
    from search.backends import selection

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    selection._elasticsearch_backend_for.cache_clear()
    with caplog.at_level(logging.WARNING, logger="search.service"):
        result = service.search(SearchParams(q="robots"))
    assert result.backend.startswith("database")
    assert [hit.title for hit in result.hits] == ["Robotica in de klas"]
    assert "Elasticsearch unavailable" in caplog.text
    selection._elasticsearch_backend_for.cache_clear()


def test_promoted_fiches_are_pinned_first_and_still_filtered():
    params = SearchParams(q="robots", filters={"gratis": ("ja",)})
    pinned = request_body(params, promoted_ids=[7, 3])["query"]["pinned"]
    assert pinned["ids"] == ["7", "3"]  # in the editors' order
    assert pinned["organic"]["multi_match"]["query"] == "robots"
    assert "gratis" in str(request_body(params, promoted_ids=[7])["post_filter"])
    assert "pinned" not in str(request_body(params))


def test_field_weights_and_the_concept_boost_match_the_database():
    from dataclasses import replace

    from search.backends.elasticsearch import concept_filter
    from search.matching import build_plan
    from search.ranking import CONCEPT_BOOST, FIELD_WEIGHTS, OFFER_BOOST

    params = SearchParams(q="feedback tablet", interpret=True)
    plain = request_body(params)["query"]["multi_match"]
    assert plain["fields"] == ["title^3", "summary^2", "body^1", "keywords^0.8"]
    assert list(FIELD_WEIGHTS) == ["title", "summary", "body", "keywords"]
    assert mapping().to_dict()["properties"]["keywords"]["analyzer"] == "portal_dutch"
    plan = replace(
        build_plan("feedback tablet"),
        offers_first=True,
        boost=(("digcompedu", "4.3"),),
        boost_terms=(("feedback",),),
        concept_group=(("feedback",), ("terugkoppel",)),
    )
    scored = request_body(params, plan=plan)["query"]["function_score"]
    assert scored["boost_mode"] == "multiply" and scored["score_mode"] == "multiply"
    weights = [function["weight"] for function in scored["functions"]]
    assert weights == [OFFER_BOOST, CONCEPT_BOOST]
    assert scored["functions"][1]["filter"] == concept_filter(plan)
    assert {"term": {"digcompedu": "4.3"}} in concept_filter(plan)["bool"]["should"]
    assert "terugkoppel" not in str(scored["query"])  # the concept's labels only widen the best effort
    widened = request_body(params, plan=replace(plan, match_any=True))["query"]["function_score"]["query"]
    assert "terugkoppel" in str(widened) and "digcompedu" in str(widened)


def test_near_misses_are_searched_only_among_their_own_fiches():
    plan = build_plan("opleiding ict-coördinator")
    near = replace(plan, match_any=True, within=frozenset({7, 3}))
    body = request_body(SearchParams(q="opleiding ict-coördinator"), plan=near)
    assert {"ids": {"values": ["3", "7"]}} in body["query"]["bool"]["filter"]
    assert "ids" not in str(request_body(SearchParams(q="opleiding ict-coördinator"), plan=plan))
