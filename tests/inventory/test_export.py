"""export_inventory writes what load_inventory reads: the round trip is lossless."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page

from actors.models import ActionPage, ActorPage, PartnerGroupPage
from goodpractices.models import GoodPracticePage
from inventory.models import LoadedEntry
from portal.taxonomy import Pillar

pytestmark = pytest.mark.django_db

FILES = ["partnergroups.yaml", "actors.yaml", "actions.yaml", "goodpractices.yaml", "taxonomies.yaml"]


def remove_all_fiches():
    for page in Page.objects.type(ActorPage, ActionPage, PartnerGroupPage, GoodPracticePage):
        page.delete()
    LoadedEntry.objects.all().delete()


def test_export_load_export_gives_identical_files(inventory, tmp_path):
    # an editor's changes must survive the trip too
    Pillar.objects.filter(code="aanbod").update(label="Aanbod op maat van de school")
    actor = ActorPage.objects.get(slug="klascement")
    actor.summary = "Herschreven door de redactie:\nmet een tweede regel."
    actor.tags.add("deelplatform")
    actor.save_revision().publish()

    first, second = tmp_path / "eerste", tmp_path / "tweede"
    call_command("export_inventory", str(first), stdout=StringIO())
    remove_all_fiches()
    Pillar.objects.filter(code="aanbod").update(label="Iets anders")
    call_command("load_inventory", str(first), stdout=StringIO())
    call_command("export_inventory", str(second), stdout=StringIO())

    for name in FILES:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert Pillar.objects.get(code="aanbod").label == "Aanbod op maat van de school"
    assert ActorPage.objects.get(slug="klascement").summary.endswith("met een tweede regel.")


def test_the_export_holds_the_whole_inventory(inventory, tmp_path):
    out = StringIO()
    call_command("export_inventory", str(tmp_path), stdout=out)
    assert "actions: 29" in out.getvalue() and "partnergroups: 14" in out.getvalue()
    text = (tmp_path / "partnergroups.yaml").read_text()
    assert "kansen:" in text and "GEHEIME" not in text
