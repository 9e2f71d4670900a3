"""/metrics: Prometheus counts for whoever runs the site (loopback or a token), a 404 for visitors."""

import pytest

from tests import factories


@pytest.fixture
def action(site_tree, settings):
    settings.PAGE_CACHE_SECONDS = 600
    return factories.action("Mediacoach")


def test_the_site_can_read_its_counts_from_loopback(client, action):
    client.get(action.url)
    client.get(action.url)
    response = client.get("/metrics", REMOTE_ADDR="127.0.0.1")
    text = response.content.decode()
    assert response.status_code == 200 and "django_http_requests_latency_seconds" in text
    assert 'portal_page_cache_total{result="hit"}' in text
    assert 'portal_page_cache_total{result="miss"}' in text


def test_visitors_get_a_404_and_a_token_opens_it(client, db, settings):
    settings.METRICS_TOKEN = "een-lang-geheim-token"
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.8").status_code == 404
    wrong = client.get("/metrics", REMOTE_ADDR="203.0.113.8", HTTP_AUTHORIZATION="Bearer fout")
    assert wrong.status_code == 404
    right = client.get(
        "/metrics", REMOTE_ADDR="203.0.113.8", HTTP_AUTHORIZATION="Bearer een-lang-geheim-token"
    )
    assert right.status_code == 200


def test_behind_a_local_proxy_visitors_are_not_local(client, db, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    response = client.get("/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert response.status_code == 404
