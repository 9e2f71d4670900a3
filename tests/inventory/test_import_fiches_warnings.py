"""import_fiches never drops anything silently, and reads UTF-16 and UTF-8 with a byte order mark."""

from io import StringIO

import pytest
from django.core.management import call_command

from actors.models import ActionPage
from inventory.fiche_parser import parse_report, read_text

TEXT = """B.7.1. Robotica in de klas
Robotica in de klas
Korte beschrijving
Een vorming over robots in het lager onderwijs.
Budget:
Vijfhonderd euro per school.
B.7.2. Fiche zonder gekende rubrieken
Omschrijving
Deze fiche heeft alleen koppen die de lezer niet kent.
B.7.3. Codeerclub na school
Codeerclub na school
Doel
Kinderen leren programmeren.
B.8.1. Een fiche uit een andere bijlage
Korte beschrijving
Niet meenemen.
"""


def test_every_left_out_fiche_or_heading_is_a_warning():
    report = parse_report(TEXT)
    assert [fiche.number for fiche in report.fiches] == ["B.7.1", "B.7.3"]
    warnings = "\n".join(report.warnings)
    assert "overgeslagen: B.7.2 Fiche zonder gekende rubrieken: geen enkele rubriek herkend" in warnings
    assert "overgeslagen: ‘B.8.1. Een fiche uit een andere bijlage’: alleen actorfiches (B.6)" in warnings
    assert (
        "B.7.1: rubriek ‘Budget:’ niet herkend: de tekst eronder staat bij ‘Korte beschrijving’." in warnings
    )
    assert "Vijfhonderd euro" in report.fiches[0].fields["korte_beschrijving"]  # kept, not lost


def test_the_command_lists_the_warnings(site_tree, tmp_path):
    path = tmp_path / "fiches.txt"
    path.write_text(TEXT, encoding="utf-8")
    out = StringIO()
    call_command("import_fiches", str(path), stdout=out)
    output = out.getvalue()
    assert "overgeslagen: B.7.2 Fiche zonder gekende rubrieken" in output
    assert "overgeslagen: ‘B.8.1. Een fiche uit een andere bijlage’" in output
    assert "rubriek ‘Budget:’ niet herkend" in output
    assert set(ActionPage.objects.values_list("source_reference", flat=True)) == {"B.7.1", "B.7.3"}


def test_a_clean_text_has_no_warnings():
    clean = "B.6.1. Testactor\nTestactor\nDoel\nLeraren helpen.\n"
    assert parse_report(clean).warnings == []


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_utf16_and_utf8_with_bom_are_read(tmp_path, encoding):
    path = tmp_path / f"fiches-{encoding}.txt"
    path.write_bytes(
        "B.6.1. Café Coöperatie\nCafé Coöperatie\nDoel\nLeraren – ‘samen’ sterker.\n".encode(encoding)
    )
    (fiche,) = parse_report(read_text(path)).fiches
    assert fiche.title == "Café Coöperatie"
    assert fiche.fields["doel"] == "Leraren – ‘samen’ sterker."
