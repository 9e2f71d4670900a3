"""Open data that advisers reuse: the Atom feed (absolute ids, its own address with the query, local
times with the right offset in summer and winter) and the CSV export (the columns an adviser needs,
`;` and a BOM for Excel in nl-BE, a `,` variant for tools)."""

import csv
import datetime
import io
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from actors.models import ActionSession
from search.models import SearchDocument
from tests import factories

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def offers(site_tree):
    actor = factories.actor("Coördinatiecentrum")
    winter = factories.action("Leren programmeren in januari", organisers=[actor])
    summer = factories.action("Leren programmeren in juli", organisers=[actor])
    for page, moment in (
        (winter, datetime.datetime(2026, 1, 15, 10, 0, tzinfo=datetime.UTC)),
        (summer, datetime.datetime(2026, 7, 15, 10, 0, tzinfo=datetime.UTC)),
    ):
        SearchDocument.objects.filter(page_id=page.pk).update(published_at=moment)
    return {"actor": actor, "winter": winter, "summer": summer}


def test_the_feed_has_absolute_ids_its_own_query_and_brussels_times(client, offers):
    response = client.get("/zoeken/feed/", {"q": "programmeren", "type": "actie"})
    root = ET.fromstring(response.content)
    self_link = next(link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self")
    assert self_link.get("href") == "http://testserver/zoeken/feed/?q=programmeren&type=actie"
    entries = {e.find(f"{ATOM}title").text: e for e in root.findall(f"{ATOM}entry")}
    winter, summer = entries["Leren programmeren in januari"], entries["Leren programmeren in juli"]
    assert winter.find(f"{ATOM}id").text == f"http://testserver/f/{offers['winter'].pk}/"
    # 10:00 UTC is 11:00 in Brussels in winter (+01:00) and 12:00 in summer (+02:00)
    assert winter.find(f"{ATOM}updated").text == "2026-01-15T11:00:00+01:00"
    assert summer.find(f"{ATOM}updated").text == "2026-07-15T12:00:00+02:00"
    assert summer.find(f"{ATOM}published").text == "2026-07-15T12:00:00+02:00"


def _csv(client, fmt, delimiter):
    raw = client.get("/zoeken/", {"q": "programmeren", "type": "actie", "format": fmt}).content
    assert raw.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=delimiter))


def test_the_csv_has_the_columns_an_adviser_needs_for_excel_and_for_tools(client, offers):
    page = offers["winter"]
    start = timezone.make_aware(datetime.datetime(2031, 3, 4, 13, 30))
    page.sessions = [ActionSession(start=start, course_mode="online")]
    page.save_revision().publish()
    response = client.get("/zoeken/", {"q": "programmeren", "format": "csv"})
    assert response.content.decode("utf-8-sig").splitlines()[0].startswith("id;soort;titel;url;")

    rows = {row["titel"]: row for row in _csv(client, "csv", ";")}
    row = rows["Leren programmeren in januari"]
    assert row["organisator"] == "Coördinatiecentrum"
    assert row["niveau"] and row["onderwijsniveau"] == "Lager onderwijs"
    assert row["kostprijs"] == "Gratis"
    assert row["status"] == "Binnenkort" and row["volgende sessie"] == "4 maart 2031 · Online · gratis"
    assert rows["Leren programmeren in juli"]["volgende sessie"] == ""
    assert {row["titel"] for row in _csv(client, "csv-komma", ",")} == set(rows)
    html = client.get("/zoeken/", {"q": "programmeren"}).content.decode()
    assert "format=csv-komma" in html


@pytest.mark.parametrize(
    "url, message",
    [
        ("/api/v2/fiches/?kleur=rood", "Onbekende parameter: kleur."),
        ("/api/v2/fiches/?fields=schoenmaat", "Onbekend veld in fields: schoenmaat."),
        ("/api/v2/fiches/?type=actors.Bestaatniet", "Dit type bestaat niet."),
        ("/api/v2/fiches/?order=schoenmaat", "Sorteren op ‘schoenmaat’ kan niet"),
        ("/api/v2/fiches/99999999/", "Geen fiche met dit nummer"),
    ],
)
def test_api_errors_are_in_dutch(client, site_tree, url, message):
    response = client.get(url)
    assert response.status_code in (400, 404)
    assert message in response.json()["message"]
