"""One date model on an offer: the sessions are the source of its dates; begin/end only count
without sessions; the free text is a remark ("Over de data"). No fiche of the inventory loses its dates."""

import datetime
import html
import re

import pytest
import yaml
from django.utils import timezone

from actors.models import ActionPage, ActionSession
from actors.status import ENDED, UNKNOWN, action_status
from inventory.files import DEFAULT_DATA_DIR
from tests import factories

pytestmark = pytest.mark.django_db


def test_no_fiche_of_the_inventory_loses_its_date_information(inventory, client):
    entries = yaml.safe_load((DEFAULT_DATA_DIR / "actions.yaml").read_text())
    checked = 0
    for entry in entries:
        if not (entry.get("dates_text") or entry.get("start_date") or entry.get("end_date")):
            continue
        page = ActionPage.objects.get(slug=entry["slug"])
        body = client.get(page.url).content.decode()
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())
        if entry.get("dates_text"):
            assert page.dates_text.strip() == entry["dates_text"].strip(), entry["slug"]
            assert "Over de data" in text and " ".join(entry["dates_text"].split())[:60] in text, entry[
                "slug"
            ]
        for key in ("start_date", "end_date"):
            if entry.get(key):
                assert str(getattr(page, key)) == entry[key], entry["slug"]
                assert f'<time datetime="{entry[key]}">' in body, entry["slug"]
        checked += 1
    assert checked == 19  # every fiche of the inventory that tells something about its dates


def test_sessions_are_the_source_of_the_period_and_the_status(site_tree, client):
    page = factories.action("Werkplaats met sessies")
    page.start_date, page.end_date = datetime.date(2019, 9, 1), datetime.date(2035, 6, 30)
    page.dates_text = "Elk voorjaar een nieuwe reeks."
    aware = timezone.make_aware
    page.sessions = [
        ActionSession(start=aware(datetime.datetime(2031, 3, 4, 13, 30)), location="Gent"),
        ActionSession(
            start=aware(datetime.datetime(2031, 5, 6, 13, 30)),
            end=aware(datetime.datetime(2031, 5, 6, 16, 0)),
            location="Brugge",
        ),
        ActionSession(
            start=aware(datetime.datetime(2031, 9, 1, 9, 0)), location="Leuven", status="geannuleerd"
        ),
    ]
    page.save_revision().publish()
    page = ActionPage.objects.get(pk=page.pk)
    assert page.period() == (datetime.date(2031, 3, 4), datetime.date(2031, 5, 6))  # not the editor's dates
    body = client.get(page.url).content.decode()
    assert '<time datetime="2031-03-04">' in body and '<time datetime="2031-05-06">' in body
    assert '<time datetime="2019-09-01">' not in body and "Elk voorjaar een nieuwe reeks." in body

    later = timezone.make_aware(datetime.datetime(2032, 1, 1))
    assert action_status(page, now=later) == ENDED  # its sessions are over, whatever start_date says
    page.sessions.all().delete()
    page = ActionPage.objects.get(pk=page.pk)
    assert page.period() == (datetime.date(2019, 9, 1), datetime.date(2035, 6, 30))
    assert action_status(page, now=later) == UNKNOWN  # without sessions: the editor's dates (begun, not over)


def test_the_editor_panel_explains_which_date_is_which(site_tree, admin_client):
    fields = {field.name: field for field in ActionPage._meta.get_fields() if hasattr(field, "help_text")}
    assert fields["dates_text"].verbose_name == "opmerking over data"
    assert "sessie" in fields["dates_text"].help_text
    assert (
        "zonder sessies" in fields["start_date"].help_text
        and "eerste sessie" in fields["start_date"].help_text
    )
    panel = next(p for p in ActionPage.content_panels if getattr(p, "heading", "") == "Data")
    assert "De sessies (onderaan) zijn de bron van de data" in panel.help_text
    page = factories.action("Aanbod om te bewerken")
    editor = html.unescape(admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode())
    assert "De sessies (onderaan) zijn de bron van de data" in editor and "Opmerking over data" in editor
