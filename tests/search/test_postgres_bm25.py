"""PostgreSQL ranks BM25-like (search.backends.fts.PostgresFts.score): ts_rank alone weighs every
word alike, so a common word in a title outweighed a rare one in a body, and a word's prefix added
up every compound it begins. SQLite's bm25 has document frequency already and is not touched."""

from dataclasses import replace

import pytest
from django.db import connection

from search.backends.database import DatabaseBackend
from search.matching import build_plan
from search.params import SearchParams
from tests import factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite ranks with FTS5 bm25"),
]


def titles(q: str, match_any: bool = False) -> list[str]:
    plan = replace(build_plan(q), match_any=match_any)
    hits = DatabaseBackend().search(SearchParams(q=q, facets=False), plan).hits
    return [hit.title for hit in hits if hit.type == "actie"]


def test_a_rare_word_in_a_body_outranks_a_common_word_in_a_title(site_tree):
    for number in range(8):
        factories.action(f"Naschoolse werking {number}", summary="Elke school doet mee.")
    factories.action("Onze school", summary="Een aanbod voor elke klas.")
    factories.action("Wandelen", goal="Onderweg vinden we een zwerfkei.")
    # no fiche has both words: the best effort ranks those with one of them
    assert titles("school zwerfkei", match_any=True)[0] == "Wandelen"


def test_a_word_in_the_title_outranks_a_body_full_of_compounds_it_begins(site_tree):
    factories.action("Stem in de klas", summary="Een aanbod voor de eerste graad.")
    factories.action(
        "Techniekdag",
        summary="Een dag vol techniek.",
        goal="Met stemkoffers, stemworkshops, stemlessen, stemmateriaal en een stemtoolbox.",
    )
    assert titles("stem")[0] == "Stem in de klas"
