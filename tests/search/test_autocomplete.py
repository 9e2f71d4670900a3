"""/zoeken/suggesties/: title words anywhere, popular indexed words, typos from four letters."""

import pytest

pytestmark = pytest.mark.django_db


def suggestions(client, q):
    data = client.get("/zoeken/suggesties/", {"q": q}).json()
    return data["suggestions"], data["terms"]


def test_a_word_of_the_descriptions_is_suggested_as_a_search_word(client, corpus):
    fiches, terms = suggestions(client, "prog")
    assert "programmeren" in [term["title"] for term in terms]
    assert "Programmeerclub voor leerlingen" in [fiche["title"] for fiche in fiches]
    assert all(term["kind"] == "Zoekterm" and term["url"].startswith("/zoeken/?q=") for term in terms)
    assert all(fiche["kind"] == "Aanbod" for fiche in fiches)


def test_any_word_of_a_title_matches(client, corpus):
    fiches, _ = suggestions(client, "mediaw")
    assert [fiche["title"] for fiche in fiches] == ["Nascholing mediawijsheid"]


def test_typos_are_tolerated_from_four_letters(client, corpus):
    _, terms = suggestions(client, "porgr")
    assert "programmeren" in [term["title"] for term in terms]
    _, short = suggestions(client, "pro")
    assert all(term["title"].startswith("pro") for term in short if term["type"] == "zoekterm")


def test_at_most_eight_and_nothing_for_noise(client, corpus):
    fiches, terms = suggestions(client, "di")
    assert len(fiches) + len(terms) <= 8
    assert suggestions(client, "!!") == ([], [])
    assert suggestions(client, "x" * 5000) == ([], [])
