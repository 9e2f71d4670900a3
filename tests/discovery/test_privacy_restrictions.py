"""A fiche that gets a privacy restriction (password, login or groups), on itself or on an ancestor,
leaves every public surface at once; lifting the restriction brings it back."""

import pytest
from wagtail.models import PageViewRestriction

from actors.models import ActionIndexPage
from tests import factories

SECRET = "Geheimzinnige Robotica"
SURFACES = {
    "search page": "/zoeken/?q=geheimzinnige",
    "search API": "/api/zoeken/?q=geheimzinnige",
    "autocomplete": "/zoeken/suggesties/?q=geheimz",
    "embed": "/embed/?q=geheimzinnige",
    "search feed": "/zoeken/feed/?q=geheimzinnige",
    "feed": "/feed/",
    "CSV export": "/zoeken/?q=geheimzinnige&format=csv",
    "JSON export": "/zoeken/?q=geheimzinnige&format=json",
    "browse": "/zoeken/",
    "section page": "/aanbod/",
    "sitemap": "/sitemap-fiches.xml",
    "API v2": "/api/v2/fiches/?search=geheimzinnige",
    "API v2 listing": "/api/v2/fiches/?limit=20",
}


@pytest.fixture
def fiche(site_tree, wagtail_search_index):  # the API's ?search= reads Wagtail's own index
    return factories.action(SECRET)


def visible_on(client, path, page) -> bool:
    response = client.get(path)
    if response.status_code in (302, 401):  # the restricted section page itself asks to log in
        return False
    assert response.status_code == 200, path
    text = response.content.decode()
    return SECRET in text or page.url_path.rstrip("/").rsplit("/", 1)[-1] in text


def restrict(page, kind, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return PageViewRestriction.objects.create(page=page, restriction_type=kind, password="geheim")


@pytest.mark.parametrize("surface", sorted(SURFACES))
def test_a_password_restriction_removes_the_fiche_from(
    surface, client, fiche, django_capture_on_commit_callbacks
):
    path = SURFACES[surface]
    assert visible_on(client, path, fiche), "the fiche should be listed before it is restricted"
    restrict(fiche, PageViewRestriction.PASSWORD, django_capture_on_commit_callbacks)
    assert not visible_on(client, path, fiche)


@pytest.mark.parametrize("kind", [PageViewRestriction.LOGIN, PageViewRestriction.GROUPS])
def test_a_restriction_on_an_ancestor_removes_its_descendants(
    kind, client, fiche, django_capture_on_commit_callbacks
):
    restrict(ActionIndexPage.objects.get(), kind, django_capture_on_commit_callbacks)
    for path in SURFACES.values():
        assert not visible_on(client, path, fiche), path


def test_changing_and_lifting_a_restriction_reindexes(client, fiche, django_capture_on_commit_callbacks):
    restriction = restrict(fiche, PageViewRestriction.PASSWORD, django_capture_on_commit_callbacks)
    assert not visible_on(client, SURFACES["search API"], fiche)
    with django_capture_on_commit_callbacks(execute=True):
        restriction.restriction_type = PageViewRestriction.LOGIN
        restriction.save()
    assert not visible_on(client, SURFACES["search API"], fiche)
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert visible_on(client, SURFACES["search API"], fiche)
    assert visible_on(client, SURFACES["autocomplete"], fiche)


def test_deleting_a_restricted_page_leaves_nothing_in_the_index(fiche, django_capture_on_commit_callbacks):
    from search.models import SearchDocument

    restrict(fiche, PageViewRestriction.PASSWORD, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        fiche.delete()
    assert not SearchDocument.objects.filter(page_id=fiche.pk).exists()
