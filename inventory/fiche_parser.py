"""Parse the actor (B.6.x) and action (B.7.x) fiches of the Leerkr@cht.net analysis report.

The report (IDEA Consult, 3 april 2020) reaches us as text extracted from a PDF. That text carries the
PDF's noise: page footers, hyperlink targets dumped at the bottom of a page, footnotes, lines broken
at the page width, blank lines between wrapped lines and bullet glyphs of several kinds. This module
turns it back into fiches with clean, flowing text. It is pure Python (no Django) so that it can be
used and tested on its own; pypdf is only imported when a PDF is read.

    fiches = parse_fiches(read_text("analyserapport.pdf"))
    report = parse_report(text)  # the fiches and a warning for everything that was left out

Nothing is dropped silently: a fiche without any recognised field heading, a fiche of another section
(B.8, ...), a line numbered like a fiche that is no fiche heading and a heading-like line that is no
known field heading all become warnings ("overgeslagen: ...").

Field values: paragraphs are separated by a blank line, list items are lines of their own (bullets
start with "- ", numbered items keep their number), line wraps are joined.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer

MAX_FILE_SIZE = 20 * 1024 * 1024  # 20 MB: the real report is ~1 MB as PDF, ~0.5 MB as text

FIELD_KEYS = (
    "korte_beschrijving",
    "organisatie",
    "doel",
    "doelgroep",
    "huidige_rol",
    "aanpak",
    "resultaten",
    "data",
    "financiering",
    "contactpersoon",
)

KIND_BY_SECTION = {"6": "actor", "7": "action"}


class FicheImportError(ValueError):
    """Input that cannot be turned into fiches; the message is meant for the (Dutch) user."""


@dataclass
class Fiche:
    number: str  # "B.6.1"
    kind: str  # "actor" | "action"
    title: str
    fields: dict[str, str] = field(default_factory=dict)

    # Unrecognised headings inside this fiche (their text stayed with the field above).
    warnings: list[str] = field(default_factory=list, compare=False)

    def to_dict(self) -> dict:
        return {"number": self.number, "kind": self.kind, "title": self.title, "fields": dict(self.fields)}


@dataclass
class ParseReport:
    fiches: list[Fiche]
    skipped: list[str]  # what was left out of the document, one Dutch sentence each

    @property
    def warnings(self) -> list[str]:
        """Every warning: the document's, then each fiche's (prefixed with its number)."""
        return self.skipped + [f"{fiche.number}: {w}" for fiche in self.fiches for w in fiche.warnings]


# --------------------------------------------------------------------------------------------------
# Reading files
# --------------------------------------------------------------------------------------------------


def read_text(path: str | Path) -> str:
    """Return the text of a .txt (UTF-8, else cp1252) or .pdf file; FicheImportError if unusable."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FicheImportError(f"Het bestand kan niet gelezen worden: {path.name}.") from exc
    _check_size(size)  # before reading, so a huge file is never loaded
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FicheImportError(f"Het bestand kan niet gelezen worden: {path.name}.") from exc
    return text_from_bytes(data, filename=path.name)


def text_from_bytes(data: bytes, filename: str = "") -> str:
    """Same as read_text for content already in memory (e.g. an uploaded file)."""
    _check_size(len(data))
    if not data.strip():
        raise FicheImportError("Het bestand is leeg.")
    if _is_pdf(data):
        return _pdf_text(data).replace("\x00", "")
    if filename.lower().endswith(".pdf"):
        raise FicheImportError("Het bestand heeft de extensie .pdf maar is geen geldige PDF.")
    text = _decode(data).replace("\x00", "")  # a NUL byte is never content (PostgreSQL refuses it)
    if not text.strip():
        raise FicheImportError("Het bestand is leeg.")
    return text


def _check_size(size: int) -> None:
    if size > MAX_FILE_SIZE:
        raise FicheImportError(
            f"Het bestand is te groot ({size / 1024 / 1024:.1f} MB); het maximum is "
            f"{MAX_FILE_SIZE // 1024 // 1024} MB."
        )


def _is_pdf(data: bytes) -> bool:
    # The PDF header may legally follow a little junk, but it must come within the first 1024 bytes.
    return b"%PDF-" in data[:1024]


_NOT_TEXT = (
    "Het bestand is geen leesbaar tekstbestand of PDF (het bevat binaire gegevens). "
    "Lever de fiches aan als .txt (UTF-8) of als .pdf."
)


# The encodings editors' files come in: Word and Notepad save UTF-8, UTF-16 (with or without a byte
# order mark) or Windows-1252. charset-normalizer picks among them; limiting it to these keeps short
# files from being read as some far-off code page.
ENCODINGS = ["utf_8", "utf_16", "utf_16_le", "utf_16_be", "cp1252"]


def _decode(data: bytes) -> str:
    try:
        if b"\x00" in data:  # valid UTF-8, but only UTF-16 text has NUL bytes
            raise UnicodeDecodeError("utf-8", data, 0, 1, "NUL byte")
        text = data.decode("utf-8-sig")  # the common case, and exact
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data, cp_isolation=ENCODINGS).best()
        if best is None:
            raise FicheImportError(_NOT_TEXT) from None
        text = str(best).lstrip("\ufeff")
    # NUL bytes never occur in a text file; cp1252 decodes nearly any byte, so also look at how
    # much of it is control characters.
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if "\x00" in text or controls > max(2, len(text) // 100):
        raise FicheImportError(_NOT_TEXT)
    return text


def _pdf_text(data: bytes) -> str:
    try:
        from pypdf import PdfReader
    except ImportError as exc:  # pragma: no cover - pypdf is a project dependency
        raise FicheImportError("PDF-bestanden kunnen niet gelezen worden: pypdf ontbreekt.") from exc
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")  # many "protected" PDFs open with the empty password
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many different types on damaged input
        raise FicheImportError(
            "Het PDF-bestand is beschadigd of beveiligd en kan niet gelezen worden."
        ) from exc
    text = "\n".join(pages)
    if not text.strip():
        raise FicheImportError(
            "Het PDF-bestand bevat geen leesbare tekst (misschien een scan zonder tekstlaag)."
        )
    return text


# --------------------------------------------------------------------------------------------------
# Document-level cleaning
# --------------------------------------------------------------------------------------------------

# Characters the PDF extraction leaves behind; bullets from symbol fonts land in the private-use area.
_CHAR_MAP = str.maketrans(
    {
        "\r": "\n",
        "\f": "\n",
        "\u00a0": " ",  # no-break space
        "\u00ad": None,  # soft hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\uf0b7": "•",
        "\uf0a7": "•",
        "\uf076": "•",
        "\uf0d8": "•",
        "\uf0fc": "•",
        "\uf02d": "-",
    }
)

# "ANALYSERAPPORT LEERKR@CHT.NET ... | IDEA" + "Consult | 3 april 2020 74", on one or two lines.
_FOOTER_RE = re.compile(
    r"[^\S\n]*ANALYSERAPPORT LEERKR@CHT\.NET[^\n]*"
    r"(?:\n[^\S\n]*(?:\|[^\S\n]*)?(?:IDEA[^\S\n]*)?(?:\|[^\S\n]*)?Consult[^\S\n]*\|[^\n]*)?"
)
_FOOTER_TAIL_RE = re.compile(r"^\s*(?:\|\s*)?(?:IDEA\s+)?Consult\s*\|\s*\d{1,2}\s+\w+\s+\d{4}\s+\d+\s*$")
# A footnote at the bottom of a page: its number, two or more spaces, then the note.
_FOOTNOTE_LINE_RE = re.compile(r"^\d{1,3}[ \t]{2,}\S")
# Hyperlink targets the extractor appends to a page: a bare URL or mailto on its own line.
_MAILTO_RE = re.compile(r"^\s*mailto:\S+\s*$", re.IGNORECASE)
_BARE_URL_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)


def _clean_lines(text: str) -> list[str]:
    """Normalise the text and drop page furniture; returns raw lines (leading spaces kept)."""
    text = _FOOTER_RE.sub("", text.replace("\r\n", "\n").translate(_CHAR_MAP))
    lines = text.split("\n")
    # The extractor ends every real text line with a space; the appended link targets have none.
    # Only trust that signal when the text as a whole follows the convention.
    non_empty = [line for line in lines if line.strip()]
    trailing_space_convention = sum(line.endswith(" ") for line in non_empty) > len(non_empty) / 2
    kept = []
    for line in lines:
        if _FOOTER_TAIL_RE.match(line) or _FOOTNOTE_LINE_RE.match(line) or _MAILTO_RE.match(line):
            continue
        if trailing_space_convention and _BARE_URL_RE.match(line):
            continue
        kept.append(line.rstrip())
    return kept


# --------------------------------------------------------------------------------------------------
# Splitting the document into fiches and fiches into fields
# --------------------------------------------------------------------------------------------------

# " B.6.1. Agoria": section 6 (actors) or 7 (actions), number, title.
_FICHE_HEADING_RE = re.compile(r"^\s*B\.([67])\.(\d{1,3})\.?\s+(\S.*?)\s*$")
# Any line numbered like a fiche of appendix B ("B.8.2. ...", "B.7.17. Op de website lezen we:").
_FICHE_NUMBER_RE = re.compile(r"^\s*B\.(\d+)\.(\d{1,3})\.?\s+\S")
# A short line ending in a colon, shaped like a field heading: "Budget:", "Meer info:".
_UNKNOWN_HEADING_RE = re.compile(r"^[A-ZÀ-Ý][\w’'()/ -]{0,38}:$")
FIELD_LABELS = {
    "korte_beschrijving": "Korte beschrijving",
    "organisatie": "Organisatie",
    "doel": "Doel",
    "doelgroep": "Doelgroep",
    "huidige_rol": "Huidige rol",
    "aanpak": "Aanpak",
    "resultaten": "Resultaten",
    "data": "Data",
    "financiering": "Financiering",
    "contactpersoon": "Contactpersoon",
}
# Table of contents entries have dotted leaders (entries without them are dropped later: no fields).
_TOC_RE = re.compile(r"\.{4,}|…{2,}|\. \. \.")
# Anything that closes the fiche appendices: "B.8 / Fiche Kennisnet", "B.7 / Fiches acties", "2 / ...".
_SECTION_END_RE = re.compile(
    r"^\s*(?:B\.\d+(?:\.\d+)*\.?\s*/|B\.(?![67]\.\d)\d+[.\s]|\d{1,2}(?:\.\d+)*\s*/\s+[A-Z])"
)

_HEADINGS = (
    ("korte_beschrijving", r"korte beschrijving"),
    ("organisatie", r"organisaties?"),
    ("doelgroep", r"doelgroep(?:en)?"),
    ("doel", r"doel(?:en|stellingen?)?"),
    ("huidige_rol", r"huidige rol in (?:de )?ondersteuning van (?:de )?(?:leerkracht|leraar|leraren)\w*"),
    ("aanpak", r"aanpak"),
    ("resultaten", r"\(?verwachte\)?\s*resultaten|resultaten"),
    ("data", r"data|datum|timing"),
    ("financiering", r"financiering"),
    ("contactpersoon", r"contactperso(?:o|n)n(?:en)?|contact"),
)
_HEADING_RES = [(key, re.compile(rf"^(?:{pattern})\s*:?$", re.IGNORECASE)) for key, pattern in _HEADINGS]
# Headings that have no field of their own; their (rare) text stays with the field above.
_IGNORED_HEADING_RE = re.compile(r"^link met (?:het )?strategisch kader\s*:?$", re.IGNORECASE)
_IGNORED = "ignored"


def parse_fiches(text: str) -> list[Fiche]:
    """All B.6.x and B.7.x fiches of the report text, in document order."""
    return parse_report(text).fiches


def parse_report(text: str) -> ParseReport:
    """The fiches of the report text, and a warning for every fiche or heading that was left out."""
    if not text or not text.strip():
        raise FicheImportError("Geen fiches gevonden: de tekst is leeg.")
    lines = _clean_lines(text)
    layout = _detect_layout(lines)
    fiches: list[Fiche] = []
    skipped: list[str] = []
    seen: set[str] = set()
    for number, title, body in _split_fiches(lines, skipped):
        warnings: list[str] = []
        preamble, sections = _split_sections(body, warnings)
        if number in seen and sections:
            skipped.append(f"overgeslagen: {number} {title}: dit nummer kwam al eerder voor.")
            continue
        # A table-of-contents entry or a stray reference has no field headings and no text under it.
        if not sections:
            if any(_is_content(line) for line in body):
                skipped.append(
                    f"overgeslagen: {number} {title}: geen enkele rubriek herkend "
                    "(zoals ‘Korte beschrijving’, ‘Doel’, ‘Doelgroep’)."
                )
            continue
        seen.add(number)
        fields = _build_fields(preamble, sections, layout)
        kind = KIND_BY_SECTION[number.split(".")[1]]
        fiches.append(Fiche(number=number, kind=kind, title=title, fields=fields, warnings=warnings))
    if not fiches:
        raise FicheImportError(
            "Geen fiches gevonden: de tekst bevat geen fichekoppen zoals 'B.6.1. Naam' (actor) of "
            "'B.7.1. Naam' (actie) met daaronder rubrieken als 'Korte beschrijving' en 'Doel'."
        )
    return ParseReport(fiches=fiches, skipped=skipped)


def _is_content(line: str) -> bool:
    """Real text, not a blank line or a page number."""
    text = line.strip()
    return bool(text) and not text.isdigit()


def _fiche_heading(line: str) -> tuple[str, str] | None:
    match = _FICHE_HEADING_RE.match(line)
    if not match:
        return None
    title = _squash(match.group(3))
    # A heading is short and does not end like a sentence; a wrapped line "B.7.17. Op de website
    # lezen we:" or a TOC line "B.6.1. Agoria ...... 74" is not a heading.
    if len(title) > 90 or title[-1] in ".:;," or _TOC_RE.search(title):
        return None
    return f"B.{match.group(1)}.{match.group(2)}", title


def _split_fiches(lines: list[str], skipped: list[str]):
    """Yield (number, title, body lines) for each fiche heading; a body ends at the next heading.

    Numbered lines that are left out are reported in `skipped`: fiches of other sections (B.8.1, ...)
    and lines numbered like a fiche that are no heading (their text stays with the fiche above)."""
    current = None
    for line in lines:
        heading = _fiche_heading(line)
        if heading:
            if current:
                yield current
            current = (*heading, [])
            continue
        numbered = _FICHE_NUMBER_RE.match(line)
        if numbered and not _TOC_RE.search(line):
            label = _squash(line)[:80]
            if numbered.group(1) not in KIND_BY_SECTION:
                skipped.append(
                    f"overgeslagen: ‘{label}’: alleen actorfiches (B.6) en actiefiches (B.7) worden ingelezen."
                )
            elif current:
                skipped.append(
                    f"overgeslagen: ‘{label}’ is geen fichekop (te lang of eindigt op een leesteken); "
                    f"de tekst eronder staat bij {current[0]}."
                )
        if current and _SECTION_END_RE.match(line):
            yield current
            current = None
        elif current:
            current[2].append(line)
    if current:
        yield current


def _heading_key(line: str) -> str | None:
    text = _squash(line)
    if len(text) > 60:
        return None
    if _IGNORED_HEADING_RE.match(text):
        return _IGNORED
    for key, regex in _HEADING_RES:
        if regex.match(text):
            return key
    return None


def _split_sections(body: list[str], warnings: list[str]) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Split a fiche body at its field headings: (lines before the first heading, [(key, lines)]).

    A line shaped like a heading ("Budget:") that is no known field heading is added to `warnings`."""
    preamble: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    for line in body:
        key = _heading_key(line)
        if key == _IGNORED:
            continue
        if key:
            sections.append((key, []))
            continue
        if sections and sections[-1][0] != "contactpersoon" and _looks_like_heading(line):
            warnings.append(
                f"rubriek ‘{_squash(line)}’ niet herkend: de tekst eronder staat bij "
                f"‘{FIELD_LABELS[sections[-1][0]]}’."
            )
        (sections[-1][1] if sections else preamble).append(line)
    return preamble, sections


def _looks_like_heading(line: str) -> bool:
    text = _squash(line)
    return len(text.split()) <= 4 and bool(_UNKNOWN_HEADING_RE.match(text))


def _build_fields(preamble, sections, layout: _Layout) -> dict[str, str]:
    fields: dict[str, str] = {}
    for key, lines in sections:
        value = _format_lines(lines, layout)
        if value:
            # A heading that occurs twice in one fiche: keep both texts.
            fields[key] = f"{fields[key]}\n\n{value}" if key in fields else value
    # Under the fiche heading the report repeats the title; any text after it (when the
    # "Korte beschrijving" heading is missing) is the description.
    intro_lines = _drop_repeated_title(preamble)
    intro = _format_lines(intro_lines, layout)
    if intro:
        description = fields.get("korte_beschrijving")
        fields["korte_beschrijving"] = f"{intro}\n\n{description}" if description else intro
    return fields


def _drop_repeated_title(lines: list[str]) -> list[str]:
    non_empty = [line for line in lines if line.strip()]
    # The repeated title is short and not a sentence ("Digitale Wolven vzw", "IXZO!").
    if non_empty and len(non_empty[0].strip()) <= 80 and not non_empty[0].rstrip().endswith((".", ":")):
        return non_empty[1:]
    return non_empty


# --------------------------------------------------------------------------------------------------
# Turning the lines of one field into clean text
# --------------------------------------------------------------------------------------------------

WRAP_MIN = 70  # a line at least this long that breaks mid-sentence was wrapped at the page width

_BULLET_RE = re.compile(r"^[•●▪■◦▫□➢►‣⁃·]\s*(?=\S)|^o\s+(?=[A-ZÀ-Ý‘“\"'(])")
_DASH_RE = re.compile(r"^[-−–]\s+(?=\S)")
_NUMBERED_RE = re.compile(r"^(?:\d{1,2}[.)]|[a-np-z][.)])\s+\S")
_ARROW_RE = re.compile(r"^[→➔⇒➜]\s*\S")
_SENTENCE_END_RE = re.compile(r"[.!?…][’”\"')\]]*$")
_CONTACT_ONLY_RE = re.compile(r"^(?:\S+@\S+\.\w+|(?:https?://|www\.)\S+)$", re.IGNORECASE)
# Words a sentence cannot end with: a line ending in one continues on the next line, even after a blank.
_UNFINISHED_WORDS = {
    "de",
    "het",
    "een",
    "van",
    "en",
    "of",
    "met",
    "in",
    "op",
    "aan",
    "die",
    "dat",
    "te",
    "tot",
    "om",
    "bij",
    "naar",
    "door",
    "uit",
    "zoals",
    "als",
    "en/of",
    "the",
    "and",
}
# Dutch words that follow a hyphen kept at a line end: "onderwijs- en leerpraktijken".
_ELISION_FOLLOWERS = {"en", "of", "tot", "noch", "en/of"}


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END_RE.search(text))


@dataclass(frozen=True)
class _Layout:
    """What the extracted text as a whole tells about its line structure."""

    # The seed text lost the report's symbol-font bullet glyph and kept a single leading space.
    lost_glyph_bullets: bool = False
    # Blank lines mark paragraph ends (pages in the report are single- or double-spaced); without
    # them (pypdf output) only the sentence end can tell a paragraph break from a wrap.
    blank_lines_mark_paragraphs: bool = False


def _detect_layout(lines: list[str]) -> _Layout:
    non_empty = [line for line in lines if line.strip()]
    if not non_empty:
        return _Layout()
    single_space = sum(1 for line in non_empty if re.match(r"^ \S", line))
    blank = len(lines) - len(non_empty)
    return _Layout(
        # Only a usable signal when most lines start without a space.
        lost_glyph_bullets=single_space < len(non_empty) / 4,
        blank_lines_mark_paragraphs=blank > len(non_empty) / 3,
    )


def _lost_glyph_indices(lines: list[str]) -> set[int]:
    # Only a run of two or more such lines in one field counts as a list; a lone indented line
    # ("  Als PBD wordt er ...") is an ordinary paragraph.
    found = {
        i
        for i, line in enumerate(lines)
        if re.match(r"^ \S", line) and not line[1].islower() and not _list_marker(line.strip())[0]
    }
    return found if len(found) >= 2 else set()


def _list_marker(text: str) -> tuple[str | None, str]:
    """(kind, text to show) for a list line, (None, text) for an ordinary line."""
    if match := _BULLET_RE.match(text):
        return "bullet", "- " + text[match.end() :]
    if match := _DASH_RE.match(text):
        return "dash", "- " + text[match.end() :]
    if _NUMBERED_RE.match(text) or _ARROW_RE.match(text):
        return "item", text
    return None, text


def _continues(prev: str, line: str, after_blank: bool, in_item: bool, layout: _Layout) -> bool:
    """Does `line` continue the text on `prev` (a wrap) rather than start a new line?"""
    if re.search(r"\w-$", prev):
        return True
    if line[0].islower():
        return not _is_contact_line(line)  # a lone e-mail address or URL stays on its own line
    if _is_contact_line(prev.rsplit(" ", 1)[-1]):
        return False  # contact lines: "PBD KOV: Naam - adres@x.be" / "PBD GO!: ..."
    if prev.endswith(","):
        return True
    # In the report, list items and the lines ending a sentence or introducing a list are
    # followed by a blank line; wrapped lines of one paragraph often are not.
    blank_break = layout.blank_lines_mark_paragraphs and after_blank
    if _ends_sentence(prev):
        return layout.blank_lines_mark_paragraphs and not after_blank
    if blank_break and (in_item or prev.endswith((":", ";"))):
        return False
    if blank_break and prev.rsplit(" ", 1)[-1].lower() not in _UNFINISHED_WORDS:
        return False  # "... in Vlaanderen" + blank + "Aanpak lessen:" is a new line
    return len(prev) >= WRAP_MIN  # a full-width line that stops mid-sentence was wrapped


def _is_contact_line(text: str) -> bool:
    return all(_CONTACT_ONLY_RE.match(token) for token in text.split())


def _is_wrapped(prev: str) -> bool:
    """A line that stops mid-sentence at the page width (not after ":" which introduces a list)."""
    if re.search(r"\w-$", prev) or prev.endswith(","):
        return True
    return len(prev) >= WRAP_MIN and not _ends_sentence(prev) and not prev.endswith((":", ";"))


def _join(text: str, line: str) -> str:
    if re.search(r"\w-$", text):
        first_word = line.split(" ", 1)[0]
        # "ICT-\ncoördinatoren" is one word; "onderwijs-\nen leerpraktijken" is not.
        return f"{text} {line}" if first_word in _ELISION_FOLLOWERS else text + line
    return f"{text} {line}"


def _format_lines(raw_lines: list[str], layout: _Layout = _Layout()) -> str:
    """Join wrapped lines into paragraphs and list items; see the module docstring."""
    lost = _lost_glyph_indices(raw_lines) if layout.lost_glyph_bullets else set()
    blocks: list[list[str]] = []  # [separator before the block, "para" | "item", text]
    prev, after_blank = "", False
    for i, raw in enumerate(raw_lines):
        line = _squash(raw)
        if not line:
            after_blank = True
            continue
        kind, shown = ("bullet", "- " + line) if i in lost else _list_marker(line)
        # "- Enhanced" after a wrapped paragraph line is the rest of "Technology - Enhanced".
        if kind == "dash" and blocks and blocks[-1][1] == "para" and _is_wrapped(prev):
            kind = None
        if kind:
            blocks.append(["\n", "item", shown])
        elif blocks and _continues(prev, line, after_blank, blocks[-1][1] == "item", layout):
            blocks[-1][2] = _join(blocks[-1][2], line)
        else:
            hard_break = bool(blocks) and (blocks[-1][1] == "item" or _ends_sentence(prev))
            blocks.append(["\n\n" if hard_break else "\n", "para", line])
        prev, after_blank = line, False
    text = "".join(sep + body for sep, _, body in blocks).strip()
    return _strip_footnote_markers(text)


# --------------------------------------------------------------------------------------------------
# Footnote markers
# --------------------------------------------------------------------------------------------------

# A lower-case word of 4+ letters with 1-3 digits glued on: "hervormingen39" -> "hervormingen".
# Words with capitals or digits inside (FP7, Lab9, TACCLE2, NT2) and years are left alone.
_FOOTNOTE_MARKER_RE = re.compile(r"^([(‘“\"']?(?:[^\s\d/@]*-)?)([a-zà-öø-ÿ]{4,})(\d{1,3})([.,;:!?)’”\"']*)$")
_KEEP_DIGIT_WORDS = {"covid", "windows", "office", "python", "industrie"}


def _strip_footnote_markers(text: str) -> str:
    def clean(token: str) -> str:
        if "://" in token or "@" in token or "www." in token:
            return token
        match = _FOOTNOTE_MARKER_RE.match(token)
        if not match or match.group(2) in _KEEP_DIGIT_WORDS:
            return token
        return match.group(1) + match.group(2) + match.group(4)

    return re.sub(r"[^ \n]+", lambda m: clean(m.group(0)), text)
