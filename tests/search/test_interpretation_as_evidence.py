"""Words become filters only when they unambiguously name a facet value; implied filters that leave
too little are relaxed, least certain first, and stay one click away."""

import pytest

from search.params import SearchParams
from search.service import search
from tests import factories
from tests.search.conftest import make_action

pytestmark = pytest.mark.django_db


def interpreted(q: str, **filters):
    return search(SearchParams(q=q, filters={k: tuple(v) for k, v in filters.items()}, interpret=True))


def test_function_words_and_short_words_are_never_filters(client, corpus):
    data = client.get("/api/zoeken/", {"q": "cursus programeren voor leerkrachten"}).json()
    assert not any(item["facet"] == "niveau" for item in data["understood"])
    for q in ("robots met de klas", "voor", "een lager"):
        assert {item.facet for item in interpreted(q).understood} <= {"onderwijsniveau"}
    assert interpreted("robots voor").understood == []


def test_a_level_code_is_a_filter_although_it_is_short(corpus):
    result = interpreted("a2 coderen")
    assert {(u.facet, u.value) for u in result.understood + result.relaxed} == {("niveau", "A2")}
    assert result.hits[0].title == "Programmeerclub voor leerlingen"  # the A2 offer first


def test_filters_that_leave_nothing_are_relaxed_and_stay_one_click_away(client, corpus):
    # each word alone selects offers, all three together none
    data = client.get("/api/zoeken/", {"q": "gratis webinar directie"}).json()
    assert data["total"] >= 3
    relaxed = {(item["facet"], item["value"]) for item in data["relaxed"]}
    kept = {(item["facet"], item["value"]) for item in data["understood"]}
    assert relaxed and kept and not relaxed & kept
    assert ("gratis", "ja") in kept | relaxed
    html = client.get("/zoeken/", {"q": "gratis webinar directie"}).content.decode()
    assert "We toonden ook aanbod buiten" in html
    assert 'class="chip-relaxed"' in html and "Toch filteren op" in html


def test_ticked_filters_are_never_relaxed(client, corpus):
    data = client.get("/api/zoeken/", {"q": "robots", "gratis": "nee"}).json()
    assert data["relaxed"] == [] and data["total"] == 0


def test_interpreted_filters_look_different_and_removing_one_keeps_the_rest(client, corpus):
    html = client.get("/zoeken/", {"q": "gratis lager onderwijs"}).content.decode()
    assert 'class="chip-understood"' in html and "Uit je zoekvraag begrepen" in html
    assert "We toonden ook" not in html  # three offers meet both: nothing relaxed
    # removing "gratis" keeps "lager onderwijs" (in the query, so understood again)
    assert 'href="/zoeken/?q=lager+onderwijs"' in html
    after = client.get("/api/zoeken/", {"q": "lager onderwijs"}).json()
    assert [(item["facet"], item["value"]) for item in after["understood"]] == [("onderwijsniveau", "lager")]


def test_filters_that_keep_few_of_the_best_matches_are_relaxed(site_tree):
    """The organisations that are about the words carry no cost: "gratis" must not hide them all."""
    for name in ("Zwerfkei", "Zwerfkeien vzw", "Zwerfkei Academie", "Zwerfkei Netwerk"):
        factories.actor(name, summary="Alles over de zwerfkei.")
    factories.action("Wandeling", cost="gratis", goal="Onderweg zie je een zwerfkei.")
    result = interpreted("gratis zwerfkei")
    assert {(item.facet, item.value) for item in result.relaxed} == {("gratis", "ja")}
    assert result.understood == [] and result.total == 5
    assert sum(hit.type == "actor" for hit in result.hits) == 4
    strict = interpreted("gratis wandeling")  # the words' best fiche is free: the filter stays
    assert [hit.title for hit in strict.hits] == ["Wandeling"] and strict.understood


def test_the_little_words_of_a_sentence_are_not_required(site_tree):
    # "heeft", "al", "nog" are no topic: the fiche with every content word is a full match
    fiche = make_action("Coachingtraject", "Bijscholing met een blijvend effect op het lesgeven.")
    make_action("Ander aanbod", "Iets anders over lesgeven.")
    result = search(
        SearchParams(q="bijscholing die al een blijvend effect heeft op het lesgeven", interpret=True)
    )
    assert result.total == 1 and result.hits[0].id == fiche.pk and not result.best_effort
