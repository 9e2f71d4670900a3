"""The page cache cannot be poisoned, serves its pages while the database is down, and keeps its own
version, apart from the search index's. Other pages answer a database outage with a Dutch 503."""

import pytest
from django.db import OperationalError, connection
from django.test import Client
from wagtail.contrib.redirects.models import Redirect

from operations import page_cache
from search.cache import index_version
from tests import factories

HIT = "X-Page-Cache"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_QUERY_SECONDS = 60


@pytest.fixture
def action(site_tree):
    return factories.action("Leren coderen met robots")


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)  # as a browser sees it: the 500 or 503 page


def database_down(execute, sql, params, many, context):
    raise OperationalError("connection refused (the test's database restart)")


def test_an_escaped_ampersand_never_shares_an_entry_with_a_real_parameter(client, action):
    poisoned = client.get("/zoeken/?a=N%26q%3Dcoderen")  # one parameter `a`, no search words
    assert poisoned.status_code == 200 and poisoned[HIT] == "miss"
    assert 'name="q" value=""' in poisoned.content.decode()
    genuine = client.get("/zoeken/?a=N&q=coderen")
    assert genuine[HIT] == "miss", "the genuine search was served the poisoned entry"
    text = genuine.content.decode()
    assert 'name="q" value="coderen"' in text and "Leren coderen met robots" in text
    assert client.get("/zoeken/?q=coderen&a=N")[HIT] == "hit"  # the same search, other order
    assert client.get("/zoeken/?a=N%26q%3Dcoderen")[HIT] == "hit"


def test_cached_pages_stay_up_while_the_database_is_down(visitor, action):
    assert visitor.get(action.url)[HIT] == "miss"
    with connection.execute_wrapper(database_down):
        cached = visitor.get(action.url)
        assert cached.status_code == 200 and cached[HIT] == "hit"
        # The version's short stay in the cache is over: the last version this process saw serves.
        from django.core.cache import cache

        cache.delete(page_cache.VERSION_KEY)
        assert visitor.get(action.url)[HIT] == "hit"


def test_other_pages_answer_a_database_outage_with_a_dutch_503(visitor, action):
    with connection.execute_wrapper(database_down):
        response = visitor.get("/actoren/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    text = response.content.decode()
    assert "Even niet beschikbaar" in text and "opnieuw" in text
    assert 'lang="nl-BE"' in text and "site.css" in text  # the site's own page, not a bare error
    assert HIT not in response


def test_other_errors_keep_the_500_page(visitor, action, monkeypatch):
    from actors.models import ActionPage

    def broken(self, *args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(ActionPage, "serve", broken)
    response = visitor.get(action.url)
    assert response.status_code == 500 and "Retry-After" not in response


def test_a_redirect_moves_neither_the_pages_nor_the_search_index(client, action):
    search_version = index_version()
    assert client.get(action.url)[HIT] == "miss"
    Redirect.objects.create(old_path="/oud-adres", redirect_link="/actoren/")
    assert client.get(action.url)[HIT] == "hit"
    assert index_version() == search_version  # bitmaps, term sets and the vocabulary survive


def test_publishing_moves_the_page_version(client, action):
    before = page_cache.content_version()
    client.get(action.url)
    action.title = "Leren coderen met robots, vernieuwd"
    action.save_revision().publish()
    assert page_cache.content_version() != before
    response = client.get(action.url)
    assert response[HIT] == "miss" and "vernieuwd" in response.content.decode()
