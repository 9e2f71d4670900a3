"""The postings (search.postings) stay equal to what the documents themselves hold, through
publishing, editing, unpublishing, deleting and a rebuild, and two index updates at once never lose
each other's documents: term sets and facet counts read from them are never stale."""

import threading

import pytest
from django.db import connection, transaction
from pyroaring import BitMap

from search import postings
from search.backends.database import DatabaseBackend
from search.indexing import index_pages, rebuild
from search.models import Posting, SearchDocument
from search.params import SearchParams
from tests import factories

pytestmark = pytest.mark.django_db


def stored() -> dict[postings.Key, BitMap]:
    return {(row.field, row.term): BitMap.deserialize(bytes(row.ids)) for row in Posting.objects.all()}


def made_from_the_documents() -> dict[postings.Key, BitMap]:
    collector = postings.Collector()
    collector.add(postings.stored_keys(list(SearchDocument.objects.values_list("pk", flat=True))))
    return dict(collector.postings)


def test_the_postings_follow_every_index_change(site_tree):
    action = factories.action("Zeilen voor kleuters")
    actor = factories.actor("Codeschool Oost")
    assert stored() == made_from_the_documents()
    assert set(stored()[("title", "zeilen")]) == {action.pk}
    assert action.pk in stored()[("facet", "type:actie")]

    action.title = "Drones voor kleuters"
    action.save_revision().publish()
    assert ("title", "zeilen") not in stored()  # no document holds the replaced title's word
    assert stored() == made_from_the_documents()

    action.unpublish()
    assert action.pk not in stored()[postings.DOCUMENTS]
    assert stored() == made_from_the_documents()

    actor.delete()
    assert stored() == made_from_the_documents()

    rebuild()
    assert stored() == made_from_the_documents()


def test_a_prefix_is_the_union_of_the_terms_it_begins(site_tree):
    first = factories.action("Programmeren met robots")
    second = factories.action("Programmatie van de schoolweek")
    factories.action("Een ander aanbod")
    found = postings.key_sets(["programm*", "programmeren", "onbekend"], "title")
    assert set(found["programm*"]) == {first.pk, second.pk}
    assert set(found["programmeren"]) == {first.pk}
    assert found["onbekend"] == BitMap()


def test_facet_counts_come_from_the_postings_right_after_a_publish(site_tree):
    before = DatabaseBackend().search(SearchParams()).facet_counts("type")
    factories.action("Nog een aanbod")
    after = DatabaseBackend().search(SearchParams()).facet_counts("type")
    assert after["actie"] == before.get("actie", 0) + 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has one writer at a time anyway")
@pytest.mark.django_db(transaction=True)
def test_two_index_updates_at_once_keep_both_documents():
    factories.site_tree_after_flush()  # an earlier transactional test may have flushed the root page
    first = factories.action("Eerste gelijktijdige fiche")
    second = factories.action("Tweede gelijktijdige fiche")
    indexed_in_thread = threading.Event()

    def index_second():
        try:
            index_pages([second])
            indexed_in_thread.set()
        finally:
            connection.close()

    with transaction.atomic():
        index_pages([first])
        thread = threading.Thread(target=index_second)
        thread.start()
        # The second update waits for the first one's lock instead of reading the postings now.
        assert not indexed_in_thread.wait(timeout=1.0)
    thread.join(timeout=30)
    assert indexed_in_thread.is_set()
    assert {first.pk, second.pk} <= set(stored()[("all", "gelijktijdige")])
    assert stored() == made_from_the_documents()
