"""Ranking with a weight per field (search.ranking.FIELD_WEIGHTS): title > summary > body > keywords,
on SQLite (bm25 column weights) and PostgreSQL (setweight A-D, ts_rank weights) alike; and the
analysis that decides which words are one term."""

import pytest
from django.db import connection

from search.backends.fts import fts_for, refill
from search.dutch import match_key
from search.matching import build_plan
from search.params import SearchParams
from search.service import search
from tests import factories


def test_a_word_with_ge_inside_keeps_its_own_key_while_plain_word_forms_still_meet():
    assert match_key("begeleiding") != match_key("beleid")  # guidance is no policy
    assert match_key("genieten") != match_key("niet")
    assert match_key("lessen") == match_key("les")
    assert match_key("materialen") == match_key("materiaal")


def test_a_hyphenated_or_two_word_query_also_matches_the_joined_word_while_typing():
    vocabulary = {"kunstbeleid": 2, "kunst": 9, "beleid": 9}
    for query in ("kunst-beleid", "kunst beleid"):
        (group,) = build_plan(query, vocabulary).groups
        assert ("kunstbeleid",) in group and (match_key("kunst"), match_key("beleid")) in group
    assert len(build_plan("kunst-beleid").groups) == 2  # literal: no vocabulary, no joining


@pytest.mark.django_db
def test_title_outranks_summary_outranks_body_outranks_keywords(site_tree):
    organiser = factories.actor("Zwerfkei")
    factories.action("Keywords", organisers=[organiser])
    factories.action("Body", goal="Een zwerfkei als doel.")
    factories.action("Summary", summary="Over een zwerfkei.")
    factories.action("Een zwerfkei in de titel")

    def order() -> list[str]:
        hits = search(SearchParams(q="zwerfkei", facets=False)).hits
        return [hit.title for hit in hits if hit.type == "actie"]

    assert order() == ["Een zwerfkei in de titel", "Summary", "Body", "Keywords"]
    with connection.cursor() as cursor:  # what the migration to the four fields does
        fts_for().clear(cursor)
        refill(cursor, fts_for())
    assert order() == ["Een zwerfkei in de titel", "Summary", "Body", "Keywords"]


@pytest.mark.django_db
def test_a_short_first_page_goes_on_with_fiches_that_have_some_of_the_words(client, site_tree):
    factories.action("Kajak op de Leie", summary="Met de kajak de Leie af.")
    factories.action("Kajak in zee", summary="Kajakken voor gevorderden.")
    factories.action("Wandelen", summary="Te voet, geen water.")
    result = search(SearchParams(q="kajak leie", interpret=True, facets=False))
    assert [hit.title for hit in result.hits] == ["Kajak op de Leie", "Kajak in zee"]
    assert result.total == 1 and result.partial == 1
    html = client.get("/zoeken/", {"q": "kajak leie"}).content.decode()
    assert "1 fiche met alle woorden, aangevuld met 1 fiche met een deel ervan" in html
    assert "Ontbreekt: leie" in html
    payload = client.get("/api/zoeken/", {"q": "kajak leie"}).json()
    assert payload["partial"] == 1
    assert [(hit["partial"], hit["missing"]) for hit in payload["results"]] == [(False, []), (True, ["leie"])]


@pytest.mark.django_db
def test_a_fiche_about_the_query_that_lacks_one_ordinary_word_ranks_among_the_full_matches(site_tree):
    # The profile is about the ICT coordinator and never says "opleiding"; the full match owes both
    # words to a passing mention. Ranked on one score, the profile comes first, and says what it lacks.
    factories.action(
        "Profiel van de ICT-coördinator",
        summary="Wat een ICT-coördinator doet, taak per taak.",
        goal="De ICT-coördinator ondersteunt collega's.",
    )
    factories.action("Schoolreis", summary="Een dag weg.", goal="Na de opleiding van een ict-coördinator.")
    result = search(SearchParams(q="opleiding tot ICT-coördinator", interpret=True, facets=False))
    assert [hit.title for hit in result.hits] == ["Profiel van de ICT-coördinator", "Schoolreis"]
    assert result.total == 1 and result.partial == 1
    assert result.hits[0].missing == ["opleiding"] and result.hits[1].missing == []
