"""The public face: home, taxonomy pages, the landscape and the SWOT comparison."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def landscape(site_tree):
    group = factories.partner_group("Nascholingsorganisaties")
    actor = factories.actor("Centrum Nascholing", group=group)
    action = factories.action("Webinar programmeren", organisers=[actor])
    practice = factories.good_practice("Screening en intake", actors=[actor])
    return {"group": group, "actor": actor, "action": action, "practice": practice}


def test_home_has_search_tiles_with_live_counts_and_good_practices(client, landscape):
    html = client.get("/").content.decode()
    assert 'action="/zoeken/"' in html and 'data-autocomplete="/zoeken/suggesties/"' in html
    # every fixture fiche is tagged with areas 2 and 6 and pillar "aanbod"
    assert re.search(r'href="/digcompedu/2/">.*?4 fiches', html)
    assert re.search(r'href="/pijlers/aanbod/">.*?4 fiches', html)
    # offers appear under "Start binnenkort" only with a coming session (tests/actors/test_agenda_filters.py)
    assert "Screening en intake" in html


def test_an_area_page_explains_and_lists(client, landscape):
    html = client.get("/digcompedu/2/").content.decode()
    assert "<h1>Digitale bronnen</h1>" in html
    assert "2.1 Selecteren" in html and "2.3 Beheren, beschermen en delen" in html
    assert "C2 Pionier" in html and "A1 Nieuwkomer" in html
    assert "Webinar programmeren" in html and "4 resultaten" in html
    assert 'name="digcompedu"' not in html  # the area itself is fixed on its page


def test_a_competence_page_and_unknown_codes(client, landscape):
    html = client.get("/digcompedu/2.1/").content.decode()
    assert "2.1 Selecteren" in html and 'href="/digcompedu/2/"' in html
    assert client.get("/digcompedu/9/").status_code == 404
    assert client.get("/pijlers/vliegen/").status_code == 404


def test_a_pillar_page_lists_its_fiches(client, landscape):
    html = client.get("/pijlers/aanbod/", {"type": "actie"}).content.decode()
    assert "<h1>Professionalisering op maat</h1>" in html
    assert "Webinar programmeren" in html
    assert ">Centrum Nascholing</a></h3>" not in html  # the actor is no hit (only named as organiser)


def test_every_landscape_cell_counts_what_its_link_finds(client, landscape):
    html = client.get("/landschap/").content.decode()
    cells = re.findall(r'<a href="(/zoeken/\?[^"]+)" aria-label="(\d+) fiche', html)
    assert cells, "the matrix has linked cells"
    for url, count in cells:
        api = client.get(url.replace("/zoeken/", "/api/zoeken/").replace("&amp;", "&")).json()
        assert api["total"] == int(count), url
    assert "<caption" in html and 'scope="row"' in html and 'scope="col"' in html


def test_the_swot_comparison_can_show_one_quadrant(client, landscape):
    everything = client.get("/landschap/swot/").content.decode()
    assert "Sterkten" in everything and "Bedreigingen" in everything
    kansen = client.get("/landschap/swot/", {"kwadrant": "kansen"}).content.decode()
    assert "Kans op groei" in kansen and "Zwak punt" not in kansen
    unknown = client.get("/landschap/swot/", {"kwadrant": "geluk"}).content.decode()
    assert "Er bestaat geen kwadrant" in unknown and "Zwak punt" in unknown


def test_a_friendly_dutch_404(client, site_tree):
    response = client.get("/bestaat-echt-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet (meer)" in response.content.decode()


def queries(client, url: str) -> int:
    client.get(url)  # warm the caches (site root, browse results) as a live site has them
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200, url
    return len(context.captured_queries)


PUBLIC_URLS = [
    "/",
    "/aanbod/",
    "/zoeken/?q=programmeren&gratis=ja",
    "/digcompedu/2/",
    "/pijlers/aanbod/",
    "/landschap/",
    "/landschap/swot/",
]


def test_query_counts_do_not_grow_with_the_number_of_fiches(client, landscape):
    for n in range(2):
        factories.action(f"Extra aanbod {n}", organisers=[landscape["actor"]])
    client.get("/")
    few = {url: queries(client, url) for url in PUBLIC_URLS}
    for n in range(45):
        factories.action(f"Nog meer aanbod {n}", organisers=[landscape["actor"]])
    many = {url: queries(client, url) for url in PUBLIC_URLS}
    assert many == few


def test_a_friendly_dutch_500(client, site_tree, settings):
    from django.test import Client
    from django.urls import path

    def broken(request):
        raise RuntimeError("boom")

    settings.ROOT_URLCONF = type("urls", (), {"urlpatterns": [path("kapot/", broken)], "handler500": None})
    response = Client(raise_request_exception=False).get("/kapot/")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
