"""The full-page cache for anonymous visitors (operations/page_cache.py): what it serves, what it never
serves, and that every kind of edit makes a cached page go away at once."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

from tests import factories

HIT = "X-Page-Cache"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_QUERY_SECONDS = 60


@pytest.fixture
def action(site_tree):
    actor = factories.actor("Mediawijs")
    return factories.action("Mediacoach", organisers=[actor])


def test_second_anonymous_visit_is_served_from_the_cache_without_the_database(
    client, action, django_assert_num_queries
):
    first = client.get(action.url)
    assert first.status_code == 200 and first[HIT] == "miss"
    with django_assert_num_queries(0):  # the content version is in the cache too
        second = client.get(action.url)
    assert second[HIT] == "hit" and second.content == first.content
    assert "public" in second["Cache-Control"] and "max-age=600" in second["Cache-Control"]
    assert second["ETag"] == first["ETag"] and second["Last-Modified"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["X-Frame-Options"] == "DENY" and second["X-Content-Type-Options"] == "nosniff"


def test_conditional_get_answers_304(client, action):
    first = client.get(action.url)
    again = client.get(action.url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    since = client.get(action.url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    assert client.get(action.url, HTTP_IF_NONE_MATCH='"iets-anders"').status_code == 200


def test_logged_in_editors_always_get_a_fresh_private_page(client, action):
    client.get(action.url)
    editor = get_user_model().objects.create_user("redacteur", password="x", is_staff=True)
    client.force_login(editor)
    response = client.get(action.url)
    assert response.status_code == 200 and HIT not in response
    assert "private" in response["Cache-Control"]


def test_admin_account_and_school_paths_are_never_stored(client, site_tree):
    for path in ("/admin/login/", "/account/login/", "/mijn-school/"):
        client.get(path)
        assert HIT not in client.get(path), path


def test_a_form_with_a_csrf_token_is_never_stored(client, action):
    first = client.get(f"/melden/{action.pk}/")
    second = client.get(f"/melden/{action.pk}/")
    assert first.status_code == 200 and HIT not in second
    assert "csrfmiddlewaretoken" in second.content.decode()


def test_posts_are_never_served_from_the_cache(client, action):
    client.get("/zoeken/?q=media")
    assert HIT not in client.post("/zoeken/?q=media")


def test_search_caches_by_normalised_parameters_and_still_counts_the_search(client, action):
    from wagtail.contrib.search_promotions.models import Query

    first = client.get("/zoeken/?q=mediacoach&type=&sort=relevance")
    second = client.get("/zoeken/?sort=relevance&q=mediacoach")
    assert first[HIT] == "miss" and second[HIT] == "hit"
    assert "max-age=60" in second["Cache-Control"]
    assert Query.get("mediacoach").hits == 2
    assert client.get("/zoeken/?q=mediawijs")[HIT] == "miss"


def test_publishing_a_new_revision_shows_at_once(client, action):
    client.get(action.url)
    action.title = "Mediacoach vernieuwd"
    action.save_revision().publish()
    response = client.get(action.url)
    assert response[HIT] == "miss" and "Mediacoach vernieuwd" in response.content.decode()


def test_unpublishing_and_deleting_remove_the_page_at_once(client, site_tree):
    kept, gone = factories.action("Blijft"), factories.action("Verdwijnt")
    url = gone.url
    assert client.get(url).status_code == 200
    gone.unpublish()
    assert client.get(url).status_code == 404
    kept_url = kept.url
    client.get(kept_url)
    kept.delete()
    assert client.get(kept_url).status_code == 404


def test_moving_a_page_invalidates_its_old_address(client, action):
    from actors.models import ActorIndexPage

    old_url = action.url
    assert client.get(old_url).status_code == 200
    action.move(factories.index(ActorIndexPage), pos="last-child")
    moved = client.get(old_url)
    assert moved.status_code == 301 and HIT not in moved  # Wagtail's automatic redirect, not the old page


def test_a_privacy_restriction_takes_the_page_out_of_the_cache(client, action):
    assert client.get(action.url).status_code == 200
    PageViewRestriction.objects.create(page=action, restriction_type="password", password="geheim")
    response = client.get(action.url)
    assert response.get(HIT) != "hit" and "Samenvatting van Mediacoach" not in response.content.decode()


def test_turned_off_it_stores_nothing(client, action, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(action.url)
    assert HIT not in client.get(action.url)
