"""Autocomplete offers words as titles and summaries write them, completes the last of several words,
and offers taxonomy values too."""

import pytest

from tests.search.conftest import make_action

pytestmark = pytest.mark.django_db


def suggestions(client, q):
    data = client.get("/zoeken/suggesties/", {"q": q}).json()
    return data["suggestions"], data["terms"]


@pytest.fixture
def written(corpus):
    page = make_action("Toetsstrategieën in de klas", "Evalueren met programma's en apps.", areas=["4"])
    page.summary = "Programma's om toetsstrategieën uit te proberen."
    page.save_revision().publish()
    return corpus


def test_words_are_shown_as_written_not_as_index_forms(client, written):
    _, terms = suggestions(client, "toetsstr")
    shown = [term["title"] for term in terms]
    assert "toetsstrategieën" in shown and "toetsstrategieen" not in shown
    _, terms = suggestions(client, "programma")
    shown = [term["title"] for term in terms]
    assert "programmas" not in shown and "programma's" in shown


def test_the_last_word_of_several_is_completed(client, written):
    _, terms = suggestions(client, "robotica prog")
    queries = [term["title"] for term in terms if term["type"] == "zoekterm"]
    assert "robotica programmeren" in queries
    assert all(query.startswith("robotica ") for query in queries)
    assert any(term["url"] == "/zoeken/?q=robotica+programmeren" for term in terms)


def test_taxonomy_values_are_offered(client, written):
    _, terms = suggestions(client, "toetse")
    values = [term for term in terms if term["type"] == "taxonomie"]
    assert any("Toetsen en evalueren" in value["title"] for value in values)
    assert all(value["url"].startswith("/zoeken/?") for value in values)
