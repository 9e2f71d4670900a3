"""The trust pages exist after setup, are editable Wagtail pages, and every page links to them."""

import pytest
from django.core.management import call_command

from portal.pages import StandardPage
from tests import factories

pytestmark = pytest.mark.django_db
TRUST = {
    "/over/": "Over Leerkr@cht.net",
    "/contact/": "Contact",
    "/privacy/": "Privacyverklaring",
    "/toegankelijkheid/": "Toegankelijkheidsverklaring",
}


def test_setup_site_creates_the_trust_pages_once_and_keeps_editors_changes(client, site_tree):
    for url, title in TRUST.items():
        html = client.get(url).content.decode()
        assert f"<h1>{title}</h1>" in html, url
    assert "WCAG 2.1" in client.get("/toegankelijkheid/").content.decode()
    assert "analyserapport" in client.get("/over/").content.decode().lower()
    page = StandardPage.objects.get(slug="contact")
    page.intro = "Door de redactie herschreven."
    page.save_revision().publish()
    call_command("setup_site")
    assert StandardPage.objects.filter(slug="contact").count() == 1
    assert "Door de redactie herschreven." in client.get("/contact/").content.decode()


def test_every_public_page_links_the_trust_pages_in_its_footer(client, site_tree):
    action = factories.action("Een actie")
    for url in ["/", "/zoeken/", "/aanbod/", action.url, "/over/", "/landschap/", "/bestaat-niet/"]:
        html = client.get(url).content.decode()
        footer = html.split('<footer class="site-footer">')[1]
        for link in TRUST:
            assert f'href="{link}"' in footer, (url, link)


def test_navigation_and_headings_are_dutch(client, site_tree):
    html = client.get("/").content.decode()
    assert ">Goede praktijken</a>" in html and ">Good practices<" not in html
