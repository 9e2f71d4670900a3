"""/sitemap.xml is an index of parts of at most 5,000 addresses; each part is cached per index version."""

import xml.etree.ElementTree as ET

import pytest

from discovery import sitemaps
from tests import factories

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(response, tag="url") -> list[str]:
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    return [node.text for node in ET.fromstring(response.content).findall(f"s:{tag}/s:loc", NS)]


@pytest.fixture
def small_parts(monkeypatch):
    monkeypatch.setattr(sitemaps.FicheSitemap, "limit", 2)


def test_index_lists_every_part_and_parts_hold_every_public_page(client, site_tree, small_parts):
    actions = [factories.action(f"Aanbod {n}") for n in range(3)]
    factories.action("Nog een concept", live=False)
    parts = locations(client.get("/sitemap.xml"), tag="sitemap")
    assert parts == [
        "http://testserver/sitemap-paginas.xml",
        "http://testserver/sitemap-fiches.xml",
        "http://testserver/sitemap-fiches.xml?p=2",
    ]
    listed = []
    for part in parts:
        listed += locations(client.get(part.removeprefix("http://testserver")))
    assert all(any(url.endswith(action.url) for url in listed) for action in actions)
    assert not any("nog-een-concept" in url for url in listed)
    assert any(url.endswith("/aanbod/") for url in listed)  # a section page, from Wagtail's own sitemap
    assert len(listed) == len(set(listed))


def test_a_part_is_cached_until_the_index_changes(client, site_tree, django_assert_max_num_queries):
    factories.action("Eerste aanbod")
    client.get("/sitemap-fiches.xml")
    with django_assert_max_num_queries(1):  # the index version
        client.get("/sitemap-fiches.xml")
    factories.action("Tweede aanbod")
    assert any("tweede-aanbod" in url for url in locations(client.get("/sitemap-fiches.xml")))


def test_unknown_parts_and_pages_are_a_404(client, site_tree):
    assert client.get("/sitemap-onbekend.xml").status_code == 404
    assert client.get("/sitemap-fiches.xml?p=99").status_code == 404
    assert client.get("/sitemap-fiches.xml?p=abc").status_code == 404
