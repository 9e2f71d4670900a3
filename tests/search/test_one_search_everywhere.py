"""Section searches and taxonomy pages search as /zoeken/ does: interpreted, in relevance order;
A-Z only without text or when chosen."""

import pytest

from tests.search.conftest import make_action

pytestmark = pytest.mark.django_db


def titles(html: str, candidates) -> list[str]:
    found = [(html.find(f">{title}</a>"), title) for title in candidates]
    return [title for at, title in sorted(found) if at >= 0]


@pytest.fixture
def coding_offers(corpus):
    make_action("Algoritmes ontdekken", "Een reeks lessen programmeren zonder computer.", pillars=["aanbod"])
    return corpus


def test_the_offers_section_finds_as_many_as_the_search_page(client, coding_offers):
    everywhere = client.get("/api/zoeken/", {"q": "coderen", "type": "actie"}).json()
    assert everywhere["total"] >= 2  # "coderen" also finds "programmeren" (a synonym)
    html = client.get("/aanbod/", {"q": "coderen"}).content.decode()
    wanted = [hit["title"] for hit in everywhere["results"]]
    assert titles(html, wanted) == wanted  # the same offers, in the same (relevance) order
    assert f"{everywhere['total']} resulta" in html


def test_a_section_lists_a_to_z_without_text_and_by_relevance_with_text(client, coding_offers):
    browse = client.get("/aanbod/").content.decode()
    listed = titles(browse, ["Algoritmes ontdekken", "Digitaal toetsen", "Robotica in de klas"])
    assert listed == sorted(listed)
    chosen = client.get("/aanbod/", {"q": "robots", "sort": "titel"}).content.decode()
    assert '<strong aria-current="true">Titel (A-Z)</strong>' in chosen


def test_a_taxonomy_page_searches_with_synonyms_too(client, coding_offers):
    html = client.get("/digcompedu/6/", {"q": "coderen"}).content.decode()
    assert "Programmeerclub voor leerlingen" in html and "Robotica in de klas" in html
