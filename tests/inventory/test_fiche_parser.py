"""Tests for inventory.fiche_parser: the actor/action fiches of the Leerkr@cht.net report.

Plain pytest functions without the database or Django: run them on their own with
    .venv/bin/python -m pytest -p no:django tests/inventory/test_fiche_parser.py -q
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inventory import fiche_parser
from inventory.fiche_parser import Fiche, FicheImportError, parse_fiches, read_text, text_from_bytes
from tests.fixtures.report.samples import AGORIA_FIRST_SENTENCE, FOOTER, FOOTNOTE_URL

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_1f7dc9e7031a10ee.txt"

ACTOR_NUMBERS = [f"B.6.{i}" for i in range(1, 26)]
ACTION_NUMBERS = [f"B.7.{i}" for i in range(1, 30)]

# The heading lines exactly as the report prints them, to check the parser against a crude scan.
REPORT_HEADINGS = {
    "Korte beschrijving": "korte_beschrijving",
    "Organisatie": "organisatie",
    "Doel": "doel",
    "Doelgroep": "doelgroep",
    "Huidige rol in ondersteuning van leerkracht": "huidige_rol",
    "Huidige rol in ondersteuning van leerkrachten": "huidige_rol",
    "Aanpak": "aanpak",
    "(Verwachte) resultaten": "resultaten",
    "Data": "data",
    "Financiering": "financiering",
    "Contactpersoon": "contactpersoon",
}


# --------------------------------------------------------------------------------------------------
# The seed report
# --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed report not found at {SEED}; the seed-based tests need it")
    return read_text(SEED)


@pytest.fixture(scope="module")
def fiches(seed_text) -> list[Fiche]:
    return parse_fiches(seed_text)


@pytest.fixture(scope="module")
def by_number(fiches) -> dict[str, Fiche]:
    return {fiche.number: fiche for fiche in fiches}


def test_seed_has_54_fiches_25_actors_29_actions(fiches):
    assert len(fiches) == 54
    assert sum(f.kind == "actor" for f in fiches) == 25
    assert sum(f.kind == "action" for f in fiches) == 29


def test_seed_numbers_in_document_order(fiches):
    assert [f.number for f in fiches] == ACTOR_NUMBERS + ACTION_NUMBERS


def test_seed_kind_follows_number(fiches):
    for fiche in fiches:
        assert fiche.kind == ("actor" if fiche.number.startswith("B.6.") else "action")


@pytest.mark.parametrize(
    "number, title",
    [
        ("B.6.1", "Agoria"),
        ("B.6.2", "CNO"),
        ("B.6.15", "MyVo - Mysterie van onderwijs"),
        ("B.6.25", "VLA - Vereniging Leraren Aardrijkskunde"),
        ("B.7.1", "Charming project"),
        ("B.7.14", "IXZO!"),
        ("B.7.15", "Lab 9"),
        ("B.7.28", "VIC-Congres"),
        ("B.7.29", "Xnapda"),
    ],
)
def test_seed_titles(by_number, number, title):
    assert by_number[number].title == title


def test_seed_kennisnet_fiche_b8_is_not_returned(fiches, by_number):
    assert not any(f.number.startswith("B.8") for f in fiches)
    # The last fiche stops where B.8 starts.
    assert by_number["B.7.29"].fields["contactpersoon"] == "Femme Swinnen\ninfo@xnapda.be"
    assert not any("Kennisnet" in value for f in fiches for value in f.fields.values())


def _scan_headings(seed_text: str) -> dict[str, set[str]]:
    """Independent, crude scan: which report heading lines stand under which fiche number."""
    found: dict[str, set[str]] = {}
    current = None
    for line in seed_text.splitlines():
        stripped = line.strip()
        match = re.match(r"B\.([67]\.\d+)\. ", stripped)
        if match:
            current = "B." + match.group(1)
            found.setdefault(current, set())
        elif stripped.startswith("B.8 /"):
            current = None
        elif current and stripped in REPORT_HEADINGS:
            found[current].add(REPORT_HEADINGS[stripped])
    return found


def test_seed_every_fiche_has_the_headings_the_report_has(seed_text, by_number):
    expected = _scan_headings(seed_text)
    assert sorted(expected) == sorted(by_number)
    # Schoollink's "Contactpersoon" holds nothing but the page's link targets, so no field.
    expected["B.7.21"].discard("contactpersoon")
    for number, keys in expected.items():
        assert set(by_number[number].fields) == keys, number


def test_seed_actors_have_the_four_actor_fields(fiches):
    for fiche in fiches:
        if fiche.kind == "actor":
            for key in ("korte_beschrijving", "doel", "doelgroep", "huidige_rol"):
                assert fiche.fields.get(key), (fiche.number, key)
    without_contact = {f.number for f in fiches if f.kind == "actor" and "contactpersoon" not in f.fields}
    assert without_contact == {"B.6.7", "B.6.9", "B.6.21"}  # the report gives none for these


def test_seed_actions_have_the_core_action_fields(fiches):
    for fiche in fiches:
        if fiche.kind == "action":
            for key in ("korte_beschrijving", "organisatie", "doel", "doelgroep"):
                assert fiche.fields.get(key), (fiche.number, key)
    assert set(fiches[25].fields) == set(fiche_parser.FIELD_KEYS) - {"huidige_rol"}  # B.7.1: all


def test_seed_fields_have_no_page_furniture(fiches):
    for fiche in fiches:
        for key, value in fiche.fields.items():
            assert key in fiche_parser.FIELD_KEYS
            for noise in ("ANALYSERAPPORT", "IDEA Consult", "3 april 2020", "mailto:", "•", "\uf0b7"):
                assert noise not in value, (fiche.number, key, noise)
            assert value == value.strip() and "\n\n\n" not in value
            assert not any(line != line.strip() or "  " in line for line in value.split("\n"))


def test_seed_link_targets_at_page_bottom_are_dropped(by_number):
    # The PDF's hyperlink targets come out as bare lines; the visible text keeps its own URL.
    assert (
        by_number["B.6.24"].fields["contactpersoon"]
        == "Koen Vandenhoudt, voorzitter Vicli\nhttps://vicli.be/"
    )
    assert "eun.org" not in by_number["B.7.5"].fields["data"]


def test_seed_wrapped_lines_become_flowing_paragraphs(by_number):
    agoria = by_number["B.6.1"].fields["korte_beschrijving"]
    assert agoria.startswith(AGORIA_FIRST_SENTENCE)
    assert agoria.count("\n\n") == 2  # three paragraphs
    # A sentence ending at the line end on a single-spaced page continues the same item.
    pbd = by_number["B.6.16"].fields["korte_beschrijving"]
    assert "waardengedreven organisatie. Samen met haar stakeholders" in pbd


def test_seed_hyphenation_at_line_end(by_number):
    assert "sociaal-emotioneel vlak" in by_number["B.6.16"].fields["korte_beschrijving"]
    assert "mainstreaming van onderwijs- en leerpraktijken" in by_number["B.6.7"].fields["korte_beschrijving"]
    assert "www.stem-academie.be" in by_number["B.6.21"].fields["doel"]


def test_seed_bullets_are_dash_lines(by_number):
    cno = by_number["B.6.2"].fields["doel"]
    assert "aan te bieden die:\n- basiskennis en -competenties verankeren en verruimen,\n- aanzetten" in cno
    # "" bullets whose glyph was lost in the text extraction.
    lines = by_number["B.7.29"].fields["doelgroep"].split("\n")
    assert len(lines) == 9 and all(line.startswith("- ") for line in lines)
    assert lines[0] == "- Lagere scholen"
    assert by_number["B.6.5"].fields["contactpersoon"] == (
        "Raad van Bestuur van de vzw Digitale Wolven:\n"
        "- Voorzitter: Josephus de Wit\n- Penningmeester: Vincent Diercxsens\n- Secretaris: Dirk Deroost"
    )
    # Numbered lists keep their numbers, one item a line.
    assert (
        "\n2. opleidingen: in de vorm van o.a. postgraduaten,\n3. "
        in by_number["B.6.2"].fields["huidige_rol"]
    )


def test_seed_dash_after_wrapped_line_is_not_a_bullet(by_number):
    assert "Technology - Enhanced Teaching (TET)" in by_number["B.7.26"].fields["organisatie"]


def test_seed_no_footnote_digits_glued_to_words(fiches, by_number):
    for fiche in fiches:
        for value in fiche.fields.values():
            assert not re.search(r"\b[a-zà-ÿ]{4,}\d{1,3}\b", value)
    # Names with digits stay as they are.
    assert "FP7-programma" in by_number["B.7.13"].fields["financiering"]
    assert "TACCLE2 en TACCLE 3. TACCLE3" in by_number["B.7.25"].fields["resultaten"]
    assert "(NT2)" in by_number["B.6.22"].fields["doel"]


def test_seed_to_dict(by_number):
    data = by_number["B.7.29"].to_dict()
    assert set(data) == {"number", "kind", "title", "fields"}
    assert data["number"] == "B.7.29" and data["kind"] == "action" and data["title"] == "Xnapda"
    assert data["fields"]["organisatie"] == "Xnapda BVBA"


# --------------------------------------------------------------------------------------------------
# Small synthetic texts
# --------------------------------------------------------------------------------------------------


def test_fiche_missing_headings_still_parses():
    text = (
        " B.6.1. Testactor \n\nTestactor \n\nDoel \n\nLeraren helpen bij het gebruik van digitale \n\n"
        "middelen in de klas. \n\nContactpersoon \n\nJan Janssens \n"
        "B.7.3. Testactie \nTestactie \nFinanciering \nEigen middelen \n"
    )
    actor, action = parse_fiches(text)
    assert actor == Fiche(
        number="B.6.1",
        kind="actor",
        title="Testactor",
        fields={
            "doel": "Leraren helpen bij het gebruik van digitale middelen in de klas.",
            "contactpersoon": "Jan Janssens",
        },
    )
    assert (action.number, action.kind, action.fields) == (
        "B.7.3",
        "action",
        {"financiering": "Eigen middelen"},
    )


def test_text_before_first_heading_is_the_description():
    text = "B.6.4. Testactor\nTestactor\nEen organisatie zonder kop boven haar beschrijving.\nDoel\nIets.\n"
    (fiche,) = parse_fiches(text)
    assert fiche.fields == {
        "korte_beschrijving": "Een organisatie zonder kop boven haar beschrijving.",
        "doel": "Iets.",
    }


def test_table_of_contents_and_b8_are_skipped():
    text = (
        "Inhoud\n"
        "B.6.1. Testactor ........................ 74\n"
        "B.7.1. Testactie ........................ 90\n"
        "B.8 / Fiche Kennisnet (NL) .............. 150\n"
        "1 / Inleiding\nTekst van het rapport.\n"
        "B.6 / Fiches actoren\n"
        "B.6.1. Testactor\nTestactor\nKorte beschrijving\nEen actor.\n"
        "B.7.1. Testactie\nTestactie\nKorte beschrijving\nEen actie.\n"
        "B.8 / Fiche Kennisnet (NL)\nKennisnet\nKorte beschrijving\nNiet meenemen.\n"
    )
    fiches = parse_fiches(text)
    assert [(f.number, f.title, f.fields) for f in fiches] == [
        ("B.6.1", "Testactor", {"korte_beschrijving": "Een actor."}),
        ("B.7.1", "Testactie", {"korte_beschrijving": "Een actie."}),
    ]


def test_footer_footnotes_and_markers_are_removed():
    text = (
        "B.6.1. Testactor \n\nTestactor \n\nKorte beschrijving \n\n"
        "De school is volop bezig met hervormingen39 en de digitale transitie in het secundair onderwijs \n"
        + FOOTER
        + f"\n39  {FOOTNOTE_URL} \n"
        f"{FOOTNOTE_URL}\n"
        "en daarbij volgt ze het FP7-programma, Lab9 en de 2020-editie. \n"
    )
    (fiche,) = parse_fiches(text)
    assert fiche.fields["korte_beschrijving"] == (
        "De school is volop bezig met hervormingen en de digitale transitie in het secundair onderwijs "
        "en daarbij volgt ze het FP7-programma, Lab9 en de 2020-editie."
    )


def test_private_use_bullet_glyphs_become_dashes():
    text = "B.6.2. Test\nTest\nDoel\nWe doen:\n\uf0b7 het eerste\n\uf0a7 het tweede\n"
    (fiche,) = parse_fiches(text)
    assert fiche.fields["doel"] == "We doen:\n- het eerste\n- het tweede"


# Typical line shapes of the report, shuffled into arbitrary documents.
LINE_SHAPES = [
    "B.6.1. Actor", "B.7.2. Actie", "Doel", "Contactpersoon", "Korte beschrijving", "", " ",
    "• punt", "- streep", "1. eerste", "Een zin.", "een vervolg", "ANALYSERAPPORT LEERKR@CHT.NET x | IDEA",
    "Consult | 3 april 2020 74", "mailto:a@b.be", "https://x.be/", " Inzicht", "o sub", "ICT-",
    "B.8 / Kennisnet",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(LINE_SHAPES), max_size=40))
def test_parse_fiches_only_fails_with_fiche_import_error(lines):
    try:
        fiches = parse_fiches("\n".join(lines))
    except FicheImportError as exc:
        assert str(exc).startswith("Geen fiches gevonden")
        return
    for fiche in fiches:
        assert fiche.kind in {"actor", "action"}
        for value in fiche.fields.values():
            assert value and value == value.strip() and "\n\n\n" not in value


# --------------------------------------------------------------------------------------------------
# Reading files and bad input
# --------------------------------------------------------------------------------------------------


def test_read_text_utf8_and_cp1252(tmp_path):
    utf8 = tmp_path / "utf8.txt"
    utf8.write_text("B.6.1. Café\nCafé\nDoel\nCoördinatie voor iedereen.\n", encoding="utf-8")
    cp1252 = tmp_path / "cp1252.txt"
    cp1252.write_bytes("B.6.1. Café\nCafé\nDoel\nCoördinatie – ‘voor’ iedereen.\n".encode("cp1252"))
    assert parse_fiches(read_text(utf8))[0].fields["doel"] == "Coördinatie voor iedereen."
    assert parse_fiches(read_text(cp1252))[0].fields["doel"] == "Coördinatie – ‘voor’ iedereen."


def test_empty_file_is_rejected(tmp_path):
    for content in (b"", b"  \n\n \t\n"):
        path = tmp_path / "leeg.txt"
        path.write_bytes(content)
        with pytest.raises(FicheImportError, match="^Het bestand is leeg.$"):
            read_text(path)


def test_binary_file_is_rejected(tmp_path):
    path = tmp_path / "afbeelding.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20)
    with pytest.raises(FicheImportError, match="binaire gegevens"):
        read_text(path)


def test_control_characters_without_nul_are_rejected():
    with pytest.raises(FicheImportError, match="binaire gegevens"):
        text_from_bytes(bytes(range(1, 32)) * 10 + b"B.6.1. Test\nDoel\nx\n")


def test_text_without_fiches_is_rejected(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text(
        "Beste collega,\n\nHierbij het verslag van de vergadering.\nDoel\nGeen.\n", encoding="utf-8"
    )
    with pytest.raises(FicheImportError, match="^Geen fiches gevonden: "):
        parse_fiches(read_text(path))
    with pytest.raises(FicheImportError, match="^Geen fiches gevonden: "):
        parse_fiches("")


def test_missing_file_is_rejected(tmp_path):
    with pytest.raises(FicheImportError, match="kan niet gelezen worden"):
        read_text(tmp_path / "bestaat-niet.txt")


def test_oversized_file_is_rejected(tmp_path, monkeypatch):
    monkeypatch.setattr(fiche_parser, "MAX_FILE_SIZE", 100)
    path = tmp_path / "groot.txt"
    path.write_text("B.6.1. Test\n" * 20, encoding="utf-8")
    with pytest.raises(FicheImportError, match="te groot"):
        read_text(path)


def test_default_size_limit_is_20_mb():
    assert fiche_parser.MAX_FILE_SIZE == 20 * 1024 * 1024


# --------------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------------


def _make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with one text line per entry, written by hand (Helvetica, WinAnsi)."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = "BT /F1 10 Tf 14 TL 50 780 Td " + " ".join(f"({escape(line)}) Tj T*" for line in lines) + " ET"
    stream = content.encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    pdf = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return pdf


def test_read_text_pdf(tmp_path):
    path = tmp_path / "fiches.pdf"
    path.write_bytes(
        _make_pdf(
            [
                "B.7.1. Testactie",
                "Testactie",
                "Korte beschrijving",
                "Een actie die leraren helpt bij het gebruik van digitale leermiddelen in de",
                "klas en daarbuiten.",
                "Organisatie",
                "Coördinatie vzw",
                "Doel",
                "• Leraren digitaal sterker maken.",
                "• Scholen verbinden.",
                "ANALYSERAPPORT LEERKR@CHT.NET Actieprogramma | IDEA",
                "Consult | 3 april 2020 74",
            ]
        )
    )
    (fiche,) = parse_fiches(read_text(path))
    assert fiche.number == "B.7.1" and fiche.kind == "action" and fiche.title == "Testactie"
    assert fiche.fields == {
        "korte_beschrijving": "Een actie die leraren helpt bij het gebruik van digitale leermiddelen in de klas en daarbuiten.",
        "organisatie": "Coördinatie vzw",
        "doel": "- Leraren digitaal sterker maken.\n- Scholen verbinden.",
    }


def test_broken_pdf_is_rejected(tmp_path):
    path = tmp_path / "kapot.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not really a pdf\n%%EOF\n")
    with pytest.raises(FicheImportError, match="PDF"):
        read_text(path)


def test_pdf_extension_without_pdf_content_is_rejected(tmp_path):
    path = tmp_path / "nep.pdf"
    path.write_text("B.6.1. Test\nDoel\nIets.\n", encoding="utf-8")
    with pytest.raises(FicheImportError, match="geen geldige PDF"):
        read_text(path)


def test_pdf_without_text_is_rejected(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_make_pdf([]))
    with pytest.raises(FicheImportError, match="geen leesbare tekst"):
        read_text(path)


def test_module_does_not_import_django():
    source = Path(fiche_parser.__file__).read_text(encoding="utf-8")
    assert not re.search(r"^\s*(?:import|from)\s+(?:django|wagtail)\b", source, re.MULTILINE)
