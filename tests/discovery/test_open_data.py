"""Linking and open data: short links, the read API, feeds, sitemap, exports and structured data.
None of them ever shows a draft, a private page or a private field."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from portal.pages import StandardPage
from tests import factories

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def fiches(site_tree):
    actor = factories.actor("Coördinatiecentrum")
    live = factories.action("Leren programmeren", organisers=[actor])
    draft = factories.action("Nog een concept", live=False)
    private = factories.action("Alleen intern")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    private.save_revision().publish()
    return {"actor": actor, "live": live, "draft": draft, "private": private}


def test_a_short_link_survives_a_rename(client, fiches, django_capture_on_commit_callbacks):
    page = fiches["live"]
    assert client.get(f"/f/{page.pk}/")["Location"].endswith("/aanbod/" + page.slug + "/")
    old_url = page.url
    page.slug = "programmeren-voor-iedereen"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail makes the redirect on commit
        page.save_revision().publish()
    assert client.get(f"/f/{page.pk}/")["Location"].endswith("/aanbod/programmeren-voor-iedereen/")
    assert client.get(old_url).status_code in (301, 302)  # Wagtail's redirects follow the rename


def test_a_short_link_survives_a_move(client, site_tree):
    first = site_tree.home.add_child(instance=StandardPage(title="Over ons", slug="over-ons"))
    second = site_tree.home.add_child(instance=StandardPage(title="Handleiding", slug="handleiding"))
    page = first.add_child(instance=StandardPage(title="Privacy", slug="privacy"))
    page.move(second, pos="last-child")
    assert client.get(f"/f/{page.pk}/")["Location"].endswith("/handleiding/privacy/")


def test_short_links_to_drafts_private_or_unknown_pages_are_404(client, fiches):
    for page in (fiches["draft"], fiches["private"]):
        assert client.get(f"/f/{page.pk}/").status_code == 404
    assert client.get("/f/999999/").status_code == 404


def api(client, query=""):
    response = client.get("/api/v2/fiches/" + query)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_api_lists_only_live_public_fiches_without_private_fields(client, fiches):
    data = api(client, "?fields=*&limit=20")
    titles = {item["title"] for item in data["items"]}
    assert {"Leren programmeren", "Coördinatiecentrum"} <= titles
    assert not titles & {"Nog een concept", "Alleen intern"}
    text = json.dumps(data)
    assert "GEHEIME-REDACTIENOTITIE" not in text and "editor_notes" not in text
    assert client.get(f"/api/v2/fiches/{fiches['draft'].pk}/").status_code == 404


def test_the_api_gives_fields_taxonomy_and_relations(client, fiches):
    item = api(client, f"{fiches['live'].pk}/")
    assert item["description"] == "Korte beschrijving van de actie."
    assert {"code": "2.1", "label": "Selecteren"} in item["digcompedu_competences"]
    assert item["organisers"][0]["title"] == "Coördinatiecentrum"
    assert item["levels"][0] == {"code": "A1", "label": "Nieuwkomer"}


def test_the_api_filters_by_type_area_and_pillar(client, fiches):
    assert {i["title"] for i in api(client, "?type=actors.ActorPage")["items"]} == {"Coördinatiecentrum"}
    assert api(client, "?digcompedu=6")["meta"]["total_count"] == 2
    assert api(client, "?digcompedu=3")["meta"]["total_count"] == 0
    assert api(client, "?pijler=aanbod&type=actors.ActionPage")["meta"]["total_count"] == 1
    response = client.get("/api/v2/fiches/?pijler=vliegen")
    assert response.status_code == 400 and "vliegen" in response.json()["message"]


def test_partner_group_swot_in_the_api(client, site_tree):
    group = factories.partner_group("Lerarenopleidingen")
    item = api(client, f"{group.pk}/")
    assert item["swot"]["kansen"] == ["Kans op groei"]


def parse_atom(content: bytes) -> list[str]:
    root = ET.fromstring(content)
    assert root.tag == f"{ATOM}feed"
    return [entry.find(f"{ATOM}title").text for entry in root.findall(f"{ATOM}entry")]


def test_feeds_are_atom_and_hold_only_live_fiches(client, fiches):
    titles = parse_atom(client.get("/feed/").content)
    assert (
        "Leren programmeren" in titles and "Nog een concept" not in titles and "Alleen intern" not in titles
    )
    assert parse_atom(client.get("/zoeken/feed/", {"type": "actor"}).content) == ["Coördinatiecentrum"]
    assert 'type="application/atom+xml"' in client.get("/zoeken/?q=programmeren").content.decode()


def test_sitemap_and_robots(client, fiches):
    index = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/sitemap-fiches.xml" in index and "/sitemap-paginas.xml" in index
    sitemap = (
        client.get("/sitemap-fiches.xml").content.decode()
        + client.get("/sitemap-paginas.xml").content.decode()
    )
    assert fiches["live"].slug in sitemap
    assert fiches["draft"].slug not in sitemap and fiches["private"].slug not in sitemap
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "Sitemap: http://testserver/sitemap.xml" in robots


def test_csv_export_round_trips_with_dutch_characters_and_all_results(client, fiches):
    for n in range(25):  # more than one page of results
        factories.action(f"Extra coördinatie {n}")
    response = client.get("/zoeken/", {"type": "actie", "format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = response.content
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))  # Excel nl-BE
    assert len(rows) == 26
    assert any(row["titel"] == "Extra coördinatie 0" for row in rows)
    assert rows[0]["digcompedu"].startswith("2. Digitale bronnen")
    assert not any(row["titel"] in ("Nog een concept", "Alleen intern") for row in rows)


def test_json_export(client, fiches):
    data = json.loads(
        client.get("/zoeken/", {"q": "coördinatiecentrum", "type": "actor", "format": "json"}).content
    )
    assert data["total"] == 1 and data["results"][0]["soort"] == "Actor"


def test_structured_data_and_open_graph(client, fiches):
    html = client.get(fiches["live"].url).content.decode()
    assert '<meta property="og:title" content="Leren programmeren">' in html
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["@type"] == "Course"
    assert data["provider"][0]["name"] == "Coördinatiecentrum"
    assert data["audience"][0]["educationalRole"] == "Leerkrachten"
    assert data["educationalLevel"] == ["DigCompEdu A1 Nieuwkomer", "DigCompEdu A2 Ontdekker"]
    assert data["isAccessibleForFree"] is True
    actor = json.loads(
        client.get(fiches["actor"].url)
        .content.decode()
        .split('application/ld+json">')[1]
        .split("</script>")[0]
    )
    assert actor["@type"] == "Organization" and actor["sameAs"] == ["https://actor.example.be/"]


def test_the_embed_may_be_framed_and_the_search_page_offers_it(client, fiches):
    response = client.get("/embed/", {"q": "programmeren"})
    assert response.status_code == 200 and "X-Frame-Options" not in response
    assert 'target="_blank"' in response.content.decode()
    assert "X-Frame-Options" in client.get("/zoeken/")
    assert "&lt;iframe src=&quot;http://testserver/embed/?q=programmeren" in client.get(
        "/zoeken/", {"q": "programmeren"}
    ).content.decode().replace('"', "&quot;")


def test_the_api_documentation_page(client, site_tree):
    html = client.get("/api/").content.decode()
    assert "/api/v2/fiches/?type=actors.ActionPage&amp;digcompedu=6" in html
