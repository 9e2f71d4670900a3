"""Spelling correction never replaces a real word (a loanword, a Dutch word), corrects every word of a
multi-word query, and offers what it doubts as "Bedoelde je …?"."""

import pytest

from search.lexicon import is_real_word, loanwords
from search.params import SearchParams
from search.service import search
from search.spelling import correct_query
from search.vocabulary import indexed_vocabulary
from tests import factories
from tests.search.conftest import make_action

pytestmark = pytest.mark.django_db


def interpreted(q: str):
    return search(SearchParams(q=q, interpret=True))


@pytest.fixture
def code_offers(corpus):
    make_action(
        "Week van de code",
        "Scholen laten kinderen een uur programmeren; nodig je klas uit.",
        school_levels=["lager"],
        pillars=["aanbod"],
    )
    factories.actor("Codeerclub Noord")
    return corpus


def test_a_loanword_is_not_corrected_into_a_dutch_word_and_finds_what_it_means(client, code_offers):
    assert "coding" in loanwords() and is_real_word("coding")
    assert correct_query("coding", indexed_vocabulary()) == ""  # never "nodig"
    data = client.get("/api/zoeken/", {"q": "coding basisschool"}).json()
    assert data["corrected"] is None and "nodig" not in data["searched"]
    titles = [hit["title"] for hit in data["results"]]
    assert "Week van de code" in titles and "Programmeerclub voor leerlingen" in titles


def test_a_typo_among_other_words_is_corrected(client, code_offers):
    data = client.get("/api/zoeken/", {"q": "robotica programeren"}).json()
    assert data["corrected"] == "robotica programmeren"
    # Both engines rank the fiches that have both words first; their order among those may differ.
    assert "Robotica in de klas" in [hit["title"] for hit in data["results"]][:2]
    html = client.get("/zoeken/", {"q": "robotica programeren"}).content.decode()
    assert "Resultaten voor ‘robotica programmeren’" in html


def test_cursus_programeren_is_searched_as_programmeren(client, code_offers):
    data = client.get("/api/zoeken/", {"q": "cursus programeren"}).json()
    assert data["corrected"] == "cursus programmeren" or data["suggestion"] == "cursus programmeren"
    assert "Robotica in de klas" in [hit["title"] for hit in data["results"]]


def test_every_misspelled_word_is_corrected(code_offers):
    assert correct_query("robotcia programeren", indexed_vocabulary()) == "robotica programmeren"


def test_a_dropped_letter_is_no_dutch_verb_form():
    # "denkn" is no plural or verb form of "denk": a plural -n only follows a vowel ("ideeën")
    assert not is_real_word("denkn")
    assert is_real_word("ideeen") and is_real_word("leraren")  # folded, as the search passes them


def test_when_no_fiche_has_the_corrected_words_together_it_still_says_what_it_searched(client, code_offers):
    data = client.get("/api/zoeken/", {"q": "zwembad programeren"}).json()
    assert data["best_effort"] is True and data["corrected"] == "zwembad programmeren"
    assert "Programmeerclub voor leerlingen" in [hit["title"] for hit in data["results"]]


def test_a_typo_of_a_concepts_word_no_fiche_uses_is_corrected_and_finds_the_concepts_fiches(site_tree):
    # no fiche says "robotica", but the STEM concept does; its fiches answer the corrected query
    factories.action("Techniekatelier", summary="Een STEM-workshop voor de lagere school.", tags=[])
    for number in range(4):
        factories.action(f"Ander aanbod {number}", summary="Iets anders.", tags=[])
    assert correct_query("robotcia", indexed_vocabulary(), known=frozenset({"robotica"})) == "robotica"
    result = interpreted("robotcia")
    assert result.corrected == "robotica" and result.concept.label == "STEM"
    assert [hit.title for hit in result.hits] == ["Techniekatelier"]
