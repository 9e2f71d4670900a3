"""A page can only be made in its place."""

import pytest

from actors.models import (
    ActionIndexPage,
    ActionPage,
    ActorIndexPage,
    ActorPage,
    PartnerGroupIndexPage,
    PartnerGroupPage,
)
from goodpractices.models import GoodPracticeIndexPage, GoodPracticePage
from portal.pages import HomePage, StandardPage

pytestmark = pytest.mark.django_db

FICHES = [
    (ActorPage, ActorIndexPage),
    (ActionPage, ActionIndexPage),
    (PartnerGroupPage, PartnerGroupIndexPage),
    (GoodPracticePage, GoodPracticeIndexPage),
]


@pytest.mark.parametrize(("fiche", "index"), FICHES)
def test_a_fiche_lives_only_under_its_index(site_tree, fiche, index):
    index_page = site_tree.index_for(index)
    assert fiche.can_create_at(index_page)
    assert not fiche.can_create_at(site_tree.home)
    for _other_fiche, other_index in FICHES:
        if other_index is not index:
            assert not fiche.can_create_at(site_tree.index_for(other_index))
    assert fiche.allowed_subpage_models() == []


@pytest.mark.parametrize(
    "index", [ActorIndexPage, ActionIndexPage, PartnerGroupIndexPage, GoodPracticeIndexPage]
)
def test_one_index_of_each_kind_under_home(site_tree, index):
    assert index.allowed_parent_page_models() == [HomePage]
    assert not index.can_create_at(site_tree.home)  # max_count reached: the tree already has it


def test_home_and_standard_pages(site_tree):
    assert not HomePage.can_create_at(site_tree.home)
    assert StandardPage.can_create_at(site_tree.home)
    assert not StandardPage.can_create_at(site_tree.index_for(ActorIndexPage))


def test_index_pages_live_at_their_dutch_addresses(client, site_tree):
    for path in ["/actoren/", "/aanbod/", "/goede-praktijken/", "/partners/"]:
        assert client.get(path).status_code == 200, path


def test_setting_up_the_tree_twice_changes_nothing(site_tree):
    from wagtail.models import Page

    from portal.site_tree import ensure_site_tree

    count = Page.objects.count()
    ensure_site_tree()
    assert Page.objects.count() == count
