"""The real inventory loads completely, is idempotent, keeps editors' changes, and refuses bad files
without writing anything."""

import shutil
from io import StringIO

import pytest
import yaml
from django.core.management import CommandError, call_command
from wagtail.models import Page

from actors.models import ActionPage, ActorPage, PartnerGroupPage
from goodpractices.models import GoodPracticePage
from inventory.files import DEFAULT_DATA_DIR, InventoryError
from inventory.loader import load_inventory
from inventory.models import LoadedEntry

pytestmark = pytest.mark.django_db

# The report gives no threats ("/") for these partner groups.
NO_THREATS_IN_REPORT = {"toll-net", "imec", "mediawijs"}


def test_counts_and_source_references(inventory):
    assert (
        len(inventory.created)
        == Page.objects.type(ActorPage, ActionPage, PartnerGroupPage, GoodPracticePage).count()
    )
    report_actors = ActorPage.objects.live().filter(from_report=True)
    assert sorted(a.source_reference for a in report_actors) == sorted(f"B.6.{n}" for n in range(1, 26))
    assert ActorPage.objects.filter(from_report=False, source_reference="").count() >= 1
    assert sorted(a.source_reference for a in ActionPage.objects.live()) == sorted(
        f"B.7.{n}" for n in range(1, 30)
    )
    assert sorted(p.source_reference for p in PartnerGroupPage.objects.live()) == sorted(
        f"4.1.2.{n}" for n in range(1, 15)
    )
    assert sorted(g.source_reference for g in GoodPracticePage.objects.live()) == sorted(
        f"4.2.{n}" for n in range(1, 8)
    )


def test_every_actor_and_action_is_classified_and_linked(inventory):
    for page in [*ActorPage.objects.all(), *ActionPage.objects.all()]:
        assert page.digcompedu_areas.exists(), page.title
        assert page.pillars.exists(), page.title
        assert page.summary, page.title
    for action in ActionPage.objects.all():
        assert action.organisers.exists(), action.title
        assert action.levels.exists(), action.title
    for actor in ActorPage.objects.filter(from_report=True):
        assert actor.partner_group is not None, actor.title
        assert actor.description and actor.goal, actor.title
    for practice in GoodPracticePage.objects.all():
        assert practice.related_actors.exists(), practice.title


def test_every_partner_group_has_its_complete_swot(inventory):
    for group in PartnerGroupPage.objects.all():
        swot = group.swot_data
        assert swot is not None, group.title
        assert swot["sterkten"] and swot["zwakten"] and swot["kansen"], group.title
        assert bool(swot["bedreigingen"]) == (group.slug not in NO_THREATS_IN_REPORT), group.title
    assert sum(len(points) for g in PartnerGroupPage.objects.all() for points in g.swot_data.values()) > 150


def test_a_competence_brings_its_area(inventory):
    for page in [*ActorPage.objects.all(), *ActionPage.objects.all()]:
        areas = set(page.digcompedu_areas.values_list("code", flat=True))
        for code in page.digcompedu_competences.values_list("code", flat=True):
            assert code.split(".")[0] in areas, (page.title, code)


def test_a_second_load_creates_nothing(inventory):
    pages = Page.objects.count()
    again = load_inventory()
    assert again.created == [] and again.updated == []
    assert len(again.unchanged) == len(inventory.created)
    assert Page.objects.count() == pages


def test_an_editors_change_survives_a_reload_unless_forced(inventory, tmp_path):
    page = ActorPage.objects.get(slug="klascement")
    page.summary = "Door de redactie herschreven samenvatting."
    page.save_revision().publish()
    data = copy_of_data(tmp_path)
    edit_entry(data, "actors.yaml", "klascement", lambda e: e.update(summary="Nieuwe versie in de data."))

    assert "actors/klascement" in load_inventory().unchanged
    assert "actors/klascement" in load_inventory(data).kept
    assert ActorPage.objects.get(slug="klascement").summary == "Door de redactie herschreven samenvatting."

    assert "actors/klascement" in load_inventory(data, force=True).updated
    assert ActorPage.objects.get(slug="klascement").summary == "Nieuwe versie in de data."


def copy_of_data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    return target


def edit_entry(data_dir, file, slug, change):
    path = data_dir / file
    entries = yaml.safe_load(path.read_text())
    for entry in entries:
        if entry["slug"] == slug:
            change(entry)
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False))


def test_changed_data_updates_a_page_nobody_edited(inventory, tmp_path):
    data = copy_of_data(tmp_path)
    edit_entry(
        data, "actions.yaml", "databuzz", lambda e: e.update(summary="Nieuwe samenvatting uit de data.")
    )
    report = load_inventory(data)
    assert report.updated == ["actions/databuzz"]
    assert ActionPage.objects.get(slug="databuzz").summary == "Nieuwe samenvatting uit de data."


@pytest.mark.parametrize(
    ("file", "slug", "change", "message"),
    [
        (
            "actions.yaml",
            "databuzz",
            lambda e: e.update(pijlers=["bestaat-niet"]),
            "onbekende code 'bestaat-niet' in 'pijlers'",
        ),
        ("actors.yaml", "agoria", lambda e: e.pop("summary"), "verplicht veld 'summary' ontbreekt"),
        ("actors.yaml", "cno", lambda e: e.update(slug="agoria"), "dubbele slug 'agoria'"),
        (
            "actions.yaml",
            "lab-9",
            lambda e: e.update(organisers=["onbekende-actor"]),
            "onbekende actors-slug 'onbekende-actor'",
        ),
        ("actions.yaml", "lab-9", lambda e: e.update(kleur="blauw"), "onbekende sleutel 'kleur'"),
        (
            "actions.yaml",
            "lab-9",
            lambda e: e.update(start_date="volgend jaar"),
            "'start_date' is geen datum",
        ),
        (
            "partnergroups.yaml",
            "pbd",
            lambda e: e["swot"].update(kansen="geen lijst"),
            "'kansen' moet een lijst",
        ),
    ],
)
def test_a_bad_entry_is_named_and_nothing_is_written(db, tmp_path, file, slug, change, message):
    data = copy_of_data(tmp_path)
    edit_entry(data, file, slug, change)
    pages = Page.objects.count()
    with pytest.raises(InventoryError) as caught:
        load_inventory(data)
    assert any(error.startswith(f"{file}, item ") and message in error for error in caught.value.errors), (
        caught.value.errors
    )
    assert Page.objects.count() == pages
    assert not LoadedEntry.objects.exists()


def test_broken_yaml_is_named(db, tmp_path):
    data = copy_of_data(tmp_path)
    (data / "goodpractices.yaml").write_text("- slug: [unclosed\n")
    with pytest.raises(InventoryError, match="goodpractices.yaml: geen geldige YAML"):
        load_inventory(data)


def test_the_command_reports_and_refuses(db, tmp_path):
    out = StringIO()
    call_command("load_inventory", stdout=out)
    assert "aangemaakt" in out.getvalue() and "0 bijgewerkt" in out.getvalue()
    empty = tmp_path / "leeg"
    empty.mkdir()
    with pytest.raises(CommandError, match="actors.yaml: bestand ontbreekt"):
        call_command("load_inventory", str(empty), stdout=StringIO())
