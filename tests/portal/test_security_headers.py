"""Every public page carries a strict Content-Security-Policy and obeys it: no inline script without
the request's nonce, no inline style. Pages may not be framed, except the embed.

The walk is generic: every live page of the site tree (whatever its type) plus the views outside it,
so new page types are covered without touching this file."""

import re

import pytest
from wagtail.models import Page

from tests import factories

VIEWS = [
    "/",
    "/zoeken/?q=media",
    "/zoeken/?q=onvindbaarwoord",
    "/landschap/",
    "/landschap/swot/",
    "/digcompedu/2/",
    "/pijlers/aanbod/",
    "/api/",
    "/bestaat-niet/",
    "/admin/login/",
]
SCRIPT_RE = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
DATA_BLOCK_TYPES = ("application/ld+json", "application/json")


@pytest.fixture
def public_urls(site_tree):
    group = factories.partner_group("Pedagogische begeleiding")
    actor = factories.actor("Mediawijs", group=group)
    action = factories.action("Mediacoach", organisers=[actor])
    factories.good_practice("Traject mediacoach", actors=[actor], actions=[action])
    pages = [page.url for page in Page.objects.live().public().specific() if page.url]
    return sorted(set(pages)) + VIEWS


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_every_public_page_has_a_strict_policy_and_keeps_to_it(client, public_urls):
    assert len(public_urls) > len(VIEWS)
    for url in public_urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        directives = policy(response)
        assert "'unsafe-inline'" not in directives["script-src"], url
        assert "'unsafe-inline'" not in directives.get("style-src", directives["default-src"]), url
        assert directives["frame-ancestors"] == ["'none'"] and response["X-Frame-Options"] == "DENY", url
        html = response.content.decode()
        nonces = [v.removeprefix("'nonce-").rstrip("'") for v in directives["script-src"] if "nonce-" in v]
        for attributes in SCRIPT_RE.findall(html):
            if "src=" in attributes or any(kind in attributes for kind in DATA_BLOCK_TYPES):
                continue
            assert any(f'nonce="{nonce}"' in attributes for nonce in nonces), (url, attributes)
        assert not re.search(r"<[a-z][^>]*\sstyle=", html, re.IGNORECASE), url
        assert not re.search(r"<style\b", html, re.IGNORECASE), url
        assert not re.search(r"\son[a-z]+=", html.split("<body", 1)[-1]), url  # no onclick= handlers


def test_the_embed_may_be_framed_by_any_site(client, site_tree):
    response = client.get("/embed/?q=media")
    assert "X-Frame-Options" not in response
    assert "frame-ancestors" not in policy(response)
    assert "script-src" in policy(response)  # the rest of the strict policy stays


def test_the_admin_keeps_working_with_its_own_policy(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    directives = policy(response)
    assert directives["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" in directives["script-src"]  # Wagtail's own inline scripts


def test_the_second_login_page_is_gone(client, db):
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/django-admin/login/").status_code == 404
