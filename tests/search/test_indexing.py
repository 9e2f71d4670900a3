"""The index follows the pages with no manual step; update_index rebuilds it whole."""

from io import StringIO

import pytest
from django.core.management import call_command

from actors.models import ActionIndexPage
from search.backends.database import DatabaseBackend
from search.models import SearchDocument
from search.params import SearchParams
from tests import factories

pytestmark = pytest.mark.django_db


def found(q: str) -> list[str]:
    return [hit.title for hit in DatabaseBackend().search(SearchParams(q=q)).hits]


def test_publishing_adds_and_unpublishing_removes(site_tree):
    draft = factories.action("Klimaatdidactiek online", live=False)
    assert found("klimaatdidactiek") == []
    draft.save_revision().publish()
    assert found("klimaatdidactiek") == ["Klimaatdidactiek online"]
    draft.refresh_from_db()
    draft.unpublish()
    assert found("klimaatdidactiek") == []


def test_a_new_draft_of_a_live_page_does_not_change_what_search_shows(site_tree):
    page = factories.action("Lessen over algoritmes")
    page.title = "Nog niet gepubliceerde titel"
    page.save_revision()
    assert found("algoritmes") == ["Lessen over algoritmes"]


def test_deleting_removes(site_tree):
    page = factories.actor("Vereniging voor wiskundeleraren")
    assert found("wiskundeleraren")
    page.delete()
    assert found("wiskundeleraren") == []
    assert not SearchDocument.objects.filter(pk=page.pk).exists()


def test_renaming_and_moving_update_the_address(site_tree):
    page = factories.action("Leerpad fotografie")
    page.slug = "fotografie-leerpad"
    page.save_revision().publish()
    hit = DatabaseBackend().search(SearchParams(q="fotografie")).hits[0]
    assert hit.url_path == "/aanbod/fotografie-leerpad/"


def test_a_private_page_is_not_indexed(site_tree):
    from wagtail.models import PageViewRestriction

    page = factories.action("Interne vorming personeel")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    page.save_revision().publish()
    assert found("interne vorming") == []


def test_update_index_rebuilds_everything(site_tree):
    factories.action("Podcasts maken in de klas")
    SearchDocument.objects.all().delete()
    assert found("podcasts") == []
    out = StringIO()
    call_command("update_index", "--skip-wagtail", stdout=out)
    assert found("podcasts") == ["Podcasts maken in de klas"]
    assert "fiches geïndexeerd" in out.getvalue()


def test_the_inventory_is_searchable_after_loading(inventory):
    titles = found("programmeren")
    assert "CoderDojo Belgium" in titles or any("Code" in title for title in titles)
    assert SearchDocument.objects.count() == len(inventory.created)


def test_moving_keeps_the_page_findable(site_tree):
    page = factories.action("Verhuisde actie over drones")
    other_parent = site_tree.index_for(ActionIndexPage)
    page.move(other_parent, pos="last-child")
    assert found("drones") == ["Verhuisde actie over drones"]


def _wagtail_index_reads() -> int:
    """The SELECTs of a rebuild of Wagtail's index (its SQLite backend also writes row by row)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        call_command("wagtail_update_index", verbosity=0)
    return sum(1 for query in context.captured_queries if query["sql"].lstrip().upper().startswith("SELECT"))


def test_wagtails_own_index_finds_fiches_by_taxonomy_and_reads_relations_once_per_batch(site_tree):
    """Wagtail's index (the admin's page search) reads each fiche's taxonomy labels and tags, in one
    query per relation for all fiches, however many there are."""
    from wagtail.models import Page

    group = factories.partner_group("Partnergroep didactiek")
    actor = factories.actor("Centrum voor onderwijsinnovatie", group=group)
    factories.action("Vorming klimaatdidactiek", organisers=[actor])
    factories.good_practice("Praktijk schooltuin", actors=[actor])
    _wagtail_index_reads()  # the first rebuild creates the entries, later ones update them
    few = _wagtail_index_reads()
    for number in range(3):
        factories.action(f"Vorming {number}", organisers=[actor])
        factories.good_practice(f"Praktijk {number}", actors=[actor])
    assert _wagtail_index_reads() == few
    # "robotica" is a tag, "Digitale bronnen" a DigCompEdu area of every test fiche.
    assert "Vorming klimaatdidactiek" in [page.title for page in Page.objects.live().search("robotica")]
    assert "Praktijk schooltuin" in [page.title for page in Page.objects.live().search("bronnen")]
