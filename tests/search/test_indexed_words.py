"""The indexed words (search.words) stay equal to a count over the documents themselves, through
publishing, editing, unpublishing and a rebuild, so the spelling vocabulary needs no pass over them."""

from collections import Counter

import pytest

from search import words
from search.indexing import rebuild
from search.models import SearchDocument
from search.vocabulary import indexed_vocabulary
from tests import factories

pytestmark = pytest.mark.django_db


def counted_from_the_documents() -> dict[str, int]:
    counts: Counter[str] = Counter()
    for row in SearchDocument.objects.values_list("title", "summary", "body", "keywords"):
        counts.update(words.words_of(*row))
    return dict(counts)


def test_the_words_follow_every_index_change(site_tree):
    action = factories.action("Zeilen voor kleuters")
    factories.actor("Codeschool Oost")
    assert words.frequencies() == counted_from_the_documents()
    assert words.frequencies()["kleuters"] == 1

    action.title, action.summary = "Drones voor kleuters", "Vliegen met drones."
    action.save_revision().publish()
    assert "zeilen" not in words.frequencies()  # the replaced title's word is gone
    assert words.frequencies() == counted_from_the_documents()

    action.unpublish()
    assert "kleuters" not in words.frequencies()
    assert words.frequencies() == counted_from_the_documents()

    rebuild()
    assert words.frequencies() == counted_from_the_documents()


def test_the_spelling_vocabulary_knows_a_word_right_after_its_publish(site_tree):
    assert not indexed_vocabulary().knows("ruimtevaart")
    factories.action("Ruimtevaart in de klas")
    assert indexed_vocabulary().knows("ruimtevaart")
