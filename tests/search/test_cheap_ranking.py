"""Matching from per-term sets (search.term_sets) and ranking only the best candidates
(search.ranking): the same matches as the full-text query, new fiches found right after their
publish, and pages that stay consistent when only a few candidates get the full score."""

import pytest
from django.db import connection

from search import ranking
from search.backends.database import DatabaseBackend
from search.backends.fts import fts_for
from search.bitmaps import facet_bitmaps
from search.matching import build_plan
from search.params import SearchParams
from search.term_sets import match_set

from .conftest import make_action

pytestmark = pytest.mark.django_db

WORD = "klimaatrobot"


@pytest.fixture
def climate(site_tree):
    """Seven offers that name the word: two in their title, five only in their description."""
    titled = [make_action(f"{WORD.capitalize()} {n}", f"Werken met een {WORD} in de klas.") for n in "AB"]
    body_only = [make_action(f"Aanbod {n}", f"Ook hier komt een {WORD} aan bod.") for n in "CDEFG"]
    return titled, body_only


def full_text_ids(plan) -> set[int]:
    """The documents the full-text engine itself matches for the plan."""
    fts = fts_for()
    if connection.vendor == "postgresql":
        sql = "SELECT page_id FROM search_searchdocument WHERE vector @@ to_tsquery('simple', %s)"
        args = [fts.tsquery(plan)]
    else:
        sql, args = fts.matches(plan)
    with connection.cursor() as cursor:
        cursor.execute(sql, args)
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.parametrize("query", [WORD, f"{WORD} klas", "klas", "aanb", "niets-dat-bestaat"])
def test_the_term_sets_match_what_the_full_text_query_matches(climate, query):
    plan = build_plan(query)
    assert set(match_set(plan, facet_bitmaps().version)) == full_text_ids(plan)


def test_a_fiche_is_found_by_its_words_right_after_its_publish(climate):
    params = SearchParams(q="zeldzaamheid")
    assert DatabaseBackend().search(params).total == 0  # the (empty) set of the word is now kept
    make_action("Nieuw aanbod", "Een zeldzaamheid in het aanbod.")
    assert [hit.title for hit in DatabaseBackend().search(params).hits] == ["Nieuw aanbod"]


def test_the_candidates_are_the_title_matches_and_the_floor_is_left_out(climate, monkeypatch):
    titled, body_only = climate
    monkeypatch.setattr(ranking, "CANDIDATES", 3)
    bitmaps = facet_bitmaps()
    plan = build_plan(WORD)
    matches = match_set(plan, bitmaps.version)
    chosen = ranking.candidates(plan, matches, bitmaps.version, offers=None)
    # The body-only matches (the floor of the full score) do not fit whole: they follow A-Z.
    assert set(chosen) == {page.pk for page in titled}


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite ranks every match (bm25); only PostgreSQL cuts"
)
def test_paging_through_a_broad_query_shows_every_match_once(climate, monkeypatch):
    titled, body_only = climate
    monkeypatch.setattr(ranking, "CANDIDATES", 3)
    backend = DatabaseBackend()
    pages = [backend.search(SearchParams(q=WORD, page=n, page_size=2)) for n in (1, 2, 3, 4)]
    seen = [hit.id for result in pages for hit in result.hits]
    assert len(seen) == len(set(seen)) == 7 == pages[0].total
    assert set(seen[:2]) == {page.pk for page in titled}  # the title matches rank first
