"""`manage.py import_fiches` turns fiches in the report's layout into drafts for review."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from actors.models import ActionPage, ActorPage
from inventory.copycheck import SEEDS_DIR

ROOT = Path(__file__).resolve().parents[2]
REPORT = SEEDS_DIR / "000_1f7dc9e7031a10ee.txt"
KEYS = {
    "korte_beschrijving",
    "doel",
    "doelgroep",
    "huidige_rol",
    "organisatie",
    "aanpak",
    "resultaten",
    "data",
    "financiering",
    "contactpersoon",
}

SMALL_FICHE = """B.7.1. Robotica in de klas

Robotica in de klas

Korte beschrijving

Een vorming over robots in het lager onderwijs. Leraren bouwen
samen een eenvoudige robot.

Organisatie

Toll-Net

Contactpersoon

Jan Voorbeeld
"""


@pytest.fixture
def report():
    if not REPORT.exists():
        pytest.skip(f"source report not found at {REPORT}")
    return REPORT


def test_dry_run_json_lists_all_54_fiches(report, db):
    out = StringIO()
    call_command("import_fiches", str(report), "--dry-run", "--json", stdout=out)
    fiches = json.loads(out.getvalue())
    assert len(fiches) == 54
    assert [f["number"] for f in fiches[:2]] == ["B.6.1", "B.6.2"] and fiches[-1]["number"] == "B.7.29"
    assert {f["kind"] for f in fiches[:25]} == {"actor"} and {f["kind"] for f in fiches[25:]} == {"action"}
    for fiche in fiches:
        assert set(fiche) == {"number", "kind", "title", "fields"}
        assert set(fiche["fields"]) <= KEYS and "korte_beschrijving" in fiche["fields"]
        assert all("ANALYSERAPPORT" not in text for text in fiche["fields"].values())
    assert ActorPage.objects.count() == 0  # a dry run writes nothing


def test_import_creates_unpublished_drafts(report, site_tree):
    call_command("import_fiches", str(report), stdout=StringIO())
    assert ActorPage.objects.count() == 25 and ActionPage.objects.count() == 29
    assert not Page.objects.type(ActorPage, ActionPage).live().exists()
    agoria = ActorPage.objects.get(source_reference="B.6.1")
    assert agoria.title == "Agoria" and agoria.description and agoria.summary
    # Contact persons stay in the private editor notes, never in a public field.
    assert "Contactpersoon" in agoria.editor_notes
    out = StringIO()
    call_command("import_fiches", str(report), stdout=out)
    assert "0 concepten aangemaakt" in out.getvalue() and "54 overgeslagen" in out.getvalue()


def test_a_fiche_without_some_headings_imports_and_links_its_organiser(site_tree, tmp_path, inventory):
    path = tmp_path / "fiche.txt"
    path.write_text(SMALL_FICHE.replace("B.7.1.", "B.7.99."), encoding="utf-8")
    call_command("import_fiches", str(path), stdout=StringIO())
    draft = ActionPage.objects.get(source_reference="B.7.99")
    assert not draft.live and draft.title == "Robotica in de klas"
    assert "Leraren bouwen samen een eenvoudige robot." in draft.description
    assert list(draft.organisers.values_list("slug", flat=True)) == ["toll-net"]
    assert "Jan Voorbeeld" not in draft.description + draft.organisation_text + draft.summary


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "leeg"),
        (b"\x00\x01\x02\xff\xfe binary \x00" * 50, "geen leesbaar tekstbestand"),
        (b"Een gewone tekst zonder enige fiche erin.\n", "Geen fiches gevonden"),
    ],
    ids=["empty", "binary", "no-fiche"],
)
def test_bad_input_writes_nothing(db, tmp_path, content, message):
    path = tmp_path / "invoer.txt"
    path.write_bytes(content)
    pages = Page.objects.count()
    with pytest.raises(CommandError, match=message):
        call_command("import_fiches", str(path), stdout=StringIO())
    assert Page.objects.count() == pages


def test_bad_input_exits_with_code_1(tmp_path):
    path = tmp_path / "leeg.txt"
    path.write_bytes(b"")
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="portal.settings.test")
    result = subprocess.run(
        [sys.executable, "manage.py", "import_fiches", str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Het bestand is leeg." in result.stderr and "niets geïmporteerd" in result.stderr
