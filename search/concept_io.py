"""The editors' concepts (search.models.Concept) as CSV or SKOS (Turtle or RDF/XML), out and in.

CSV columns: voorkeurslabel, andere_labels, competentie, pijler, tags; several labels or tags in one
cell are separated by "|"; a competence is its code ("4.3"), a pillar its code ("aanbod"). SKOS: one
skos:Concept per concept with skos:prefLabel and skos:altLabel (@nl), skos:relatedMatch to the
portal's URI of its competence (…/digcompedu/4.3) or pillar (…/pijler/aanbod), and its tags as
dct:subject. Importing adds new concepts and updates those with the same preferred label; it never
deletes. Bad rows are reported in Dutch and skipped, the good ones are kept.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from rdflib import RDF, Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, SKOS

from portal.taxonomy import DigCompEduCompetence, Pillar

from .models import Concept

BASE = Namespace("https://leerkracht.net/")
SCHEME = BASE["concepten"]
COLUMNS = ["voorkeurslabel", "andere_labels", "competentie", "pijler", "tags"]
FORMATS = {"csv": "text/csv", "ttl": "text/turtle", "rdf": "application/rdf+xml"}
MAX_ROWS = 5000


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = f"{len(self.created)} nieuw, {len(self.updated)} bijgewerkt"
        return text + (f", {len(self.errors)} overgeslagen" if self.errors else "")


@dataclass(frozen=True)
class Row:
    preferred: str
    alternatives: tuple[str, ...] = ()
    competence: str = ""
    pillar: str = ""
    tags: tuple[str, ...] = ()


def _concepts():
    return Concept.objects.select_related("competence", "pillar").order_by("preferred_label")


def export_csv() -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for concept in _concepts():
        writer.writerow(
            [
                concept.preferred_label,
                "|".join(concept.alternatives()),
                concept.competence.code if concept.competence else "",
                concept.pillar.code if concept.pillar else "",
                "|".join(concept.tag_names()),
            ]
        )
    return out.getvalue()


def export_skos(rdf_format: str = "turtle") -> str:
    graph = Graph()
    graph.bind("skos", SKOS)
    graph.bind("dct", DCTERMS)
    graph.add((SCHEME, RDF.type, SKOS.ConceptScheme))
    graph.add((SCHEME, SKOS.prefLabel, Literal("Zoekconcepten van Leerkr@cht.net", lang="nl")))
    for concept in _concepts():
        node = BASE[f"concepten/{slugify(concept.preferred_label) or concept.pk}"]
        graph.add((node, RDF.type, SKOS.Concept))
        graph.add((node, SKOS.inScheme, SCHEME))
        graph.add((node, SKOS.prefLabel, Literal(concept.preferred_label, lang="nl")))
        for label in concept.alternatives():
            graph.add((node, SKOS.altLabel, Literal(label, lang="nl")))
        if concept.competence:
            graph.add((node, SKOS.relatedMatch, BASE[f"digcompedu/{concept.competence.code}"]))
        if concept.pillar:
            graph.add((node, SKOS.relatedMatch, BASE[f"pijler/{concept.pillar.code}"]))
        for tag in concept.tag_names():
            graph.add((node, DCTERMS.subject, Literal(tag, lang="nl")))
    return graph.serialize(format=rdf_format)


def export(file_format: str) -> str:
    if file_format == "csv":
        return export_csv()
    return export_skos("xml" if file_format == "rdf" else "turtle")


def rows_from_csv(text: str) -> tuple[list[Row], list[str]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if not reader.fieldnames or "voorkeurslabel" not in [name.strip() for name in reader.fieldnames]:
        return [], [
            "Het CSV-bestand heeft geen kolom ‘voorkeurslabel’ (verwacht: " + ", ".join(COLUMNS) + ")."
        ]
    rows = []
    for raw in reader:
        cells = {(key or "").strip(): (value or "").strip() for key, value in raw.items() if key}
        rows.append(
            Row(
                preferred=cells.get("voorkeurslabel", ""),
                alternatives=_split(cells.get("andere_labels", "")),
                competence=cells.get("competentie", ""),
                pillar=cells.get("pijler", ""),
                tags=_split(cells.get("tags", "")),
            )
        )
    return rows, []


def rows_from_skos(text: str) -> tuple[list[Row], list[str]]:
    graph = Graph()
    stripped = text.lstrip("\ufeff").lstrip()
    try:
        graph.parse(data=stripped, format="xml" if stripped.startswith("<") else "turtle")
    except Exception as exc:  # rdflib raises many kinds of parse errors
        return [], [f"Het SKOS-bestand is geen geldige Turtle of RDF/XML ({str(exc)[:120]})."]
    rows = []
    for node in sorted(set(graph.subjects(RDF.type, SKOS.Concept)), key=str):
        preferred = _dutch_first(graph.objects(node, SKOS.prefLabel))
        competence = pillar = ""
        for predicate in (SKOS.relatedMatch, SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.related):
            for target in graph.objects(node, predicate):
                found = re.search(r"/(digcompedu|pijler)/([^/#]+)$", str(target))
                if found and found.group(1) == "digcompedu":
                    competence = competence or found.group(2)
                elif found:
                    pillar = pillar or found.group(2)
        rows.append(
            Row(
                preferred=preferred,
                alternatives=tuple(sorted(str(label) for label in graph.objects(node, SKOS.altLabel))),
                competence=competence,
                pillar=pillar,
                tags=tuple(sorted(str(tag) for tag in graph.objects(node, DCTERMS.subject))),
            )
        )
    return rows, []


def import_text(text: str, file_format: str) -> ImportReport:
    """Import a CSV ("csv") or SKOS ("ttl"/"rdf"/"skos") text; never raises on bad content."""
    rows, errors = rows_from_csv(text) if file_format == "csv" else rows_from_skos(text)
    report = ImportReport(errors=list(errors))
    if len(rows) > MAX_ROWS:
        report.errors.append(f"Te veel concepten in één bestand (meer dan {MAX_ROWS}).")
        return report
    competences = {term.code: term for term in DigCompEduCompetence.objects.all()}
    pillars = {term.code: term for term in Pillar.objects.all()}
    with transaction.atomic():
        for number, row in enumerate(rows, start=1):
            problem = _problem(row, competences, pillars)
            if problem:
                report.errors.append(f"Concept {number} ({row.preferred[:60] or 'zonder label'}): {problem}")
                continue
            concept, created = Concept.objects.get_or_create(preferred_label=row.preferred[:120])
            concept.alternative_labels = "\n".join(label[:120] for label in row.alternatives)
            concept.competence = competences.get(row.competence)
            concept.pillar = pillars.get(row.pillar)
            concept.tags = " | ".join(row.tags)[:300]
            concept.save()
            (report.created if created else report.updated).append(concept.preferred_label)
    return report


def _problem(row: Row, competences: dict, pillars: dict) -> str:
    if not row.preferred:
        return "geen voorkeurslabel."
    if len(row.preferred) > 120:
        return "het voorkeurslabel is langer dan 120 tekens."
    if row.competence and row.competence not in competences:
        return f"onbekende DigCompEdu-competentie ‘{row.competence[:20]}’."
    if row.pillar and row.pillar not in pillars:
        return f"onbekende pijler ‘{row.pillar[:30]}’."
    if not (row.competence or row.pillar or row.tags):
        return "geen competentie, pijler of tag: de zoekmachine kan er niets mee."
    return ""


def _split(cell: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part.strip() for part in cell.replace(";", "|").split("|") if part.strip()))


def _dutch_first(literals) -> str:
    found = sorted(literals, key=lambda literal: (getattr(literal, "language", None) != "nl", str(literal)))
    return str(found[0]).strip() if found else ""
