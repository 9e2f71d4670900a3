"""Needs in a teacher's words: the concept layer maps a query to the taxonomy (from data, never a
list of queries), ranks the fiches tagged with it first and says so in a removable chip."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from portal.taxonomy import DigCompEduCompetence, Pillar
from search.concept_io import export_csv, export_skos, import_text
from search.concepts import match_concept
from search.models import Concept
from search.params import SearchParams
from search.service import search
from tests import factories

pytestmark = pytest.mark.django_db


def test_needs_in_other_words_map_to_their_competence():
    # none of these queries is a label in the data: the starter concepts and the descriptions are
    assert match_concept("feedback geven met een tablet").values == (("digcompedu", "4.3"),)
    assert match_concept("software voor leerlingen met dyslexie").values == (("digcompedu", "5.1"),)
    assert match_concept("beleid op school") is None  # "beleid" shares a stem with "begeleiden", no more


def test_a_description_names_its_competence_when_no_concept_does():
    Concept.objects.all().delete()
    found = match_concept("nepnieuws leren herkennen")
    assert found is not None and found.values == (("digcompedu", "6.1"),)
    assert match_concept("leerlingen digitale middelen") is None  # common words name nothing


def test_one_typed_word_is_not_two_rare_words_of_a_description():
    # the Digicoach pillar's description names the ICT coordinator: "ict" and "coördinator" are rare
    # there, but typed as one word they are one piece of evidence, not the two a description needs
    Concept.objects.all().delete()
    assert match_concept("opleiding tot ict-coördinator") is None
    assert match_concept("taken van onze ict-coördinator") is None


def test_robotics_is_stem_technique_as_much_as_code():
    found = match_concept("robotica in de klas")
    assert found.label == "STEM" and found.tag_keys  # the fiches tagged stem or steam


def test_the_digicoach_concept_lists_no_roles_as_its_other_names():
    # a role (ICT coordinator, mediacoach) is narrower than the pillar, not another name for it
    digicoach = Concept.objects.get(preferred_label="Digicoach")
    assert not {"ict-coördinator", "mediacoach", "i-coach"} & set(digicoach.alternative_labels.split())


def test_an_editors_concept_counts_at_once():
    assert match_concept("unplugged activiteiten") is None
    Concept.objects.create(
        preferred_label="Schermvrij leren",
        alternative_labels="unplugged\noffline",
        pillar=Pillar.objects.get(code="netwerken"),
    )
    found = match_concept("unplugged activiteiten in de kleuterklas")
    assert found.label == "Schermvrij leren" and found.values == (("pijler", "netwerken"),)


def test_the_concepts_fiches_come_first_with_a_removable_chip(client, corpus):
    result = search(SearchParams(q="feedback geven met een tablet", interpret=True))
    assert result.concept is not None and result.concept.label == "Feedback"
    assert result.hits and result.hits[0].title == "Digitaal toetsen"  # tagged 4.3
    html = client.get("/zoeken/", {"q": "feedback geven met een tablet"}).content.decode()
    assert "Gezocht binnen: Feedback" in html and "concept=0" in html
    without = client.get("/zoeken/", {"q": "feedback geven met een tablet", "concept": "0"})
    assert "Gezocht binnen" not in without.content.decode()
    data = client.get("/api/zoeken/", {"q": "feedback geven met een tablet"}).json()
    assert data["concept"]["label"] == "Feedback" and data["concept"]["boosts"] == [
        {"facet": "digcompedu", "value": "4.3"}
    ]
    assert (
        client.get("/api/zoeken/", {"q": "feedback geven met een tablet", "concept": "0"}).json()["concept"]
        is None
    )


def test_a_concepts_fiches_that_only_name_the_concept_are_found(corpus):
    # "nepnieuws herkennen" matches no fiche with both words; the 6.1 fiche says "nepnieuws"
    result = search(SearchParams(q="nepnieuws herkennen in de les", interpret=True))
    assert result.hits and result.hits[0].title == "Nascholing mediawijsheid"
    assert result.concept.values == (("digcompedu", "6.1"),)


def test_csv_and_skos_round_trip_and_bad_rows_are_reported_in_dutch():
    before = {
        (c.preferred_label, c.competence_id, c.pillar_id, frozenset(c.alternatives()))
        for c in Concept.objects.all()
    }
    assert len(before) >= 25
    csv_text, turtle = export_csv(), export_skos()
    assert "skos:prefLabel" in turtle and "digcompedu/5.1" in turtle
    for text, file_format in ((csv_text, "csv"), (turtle, "ttl"), (export_skos("xml"), "rdf")):
        Concept.objects.all().delete()
        report = import_text(text, file_format)
        assert not report.errors and len(report.created) == len(before)
        after = {
            (c.preferred_label, c.competence_id, c.pillar_id, frozenset(c.alternatives()))
            for c in Concept.objects.all()
        }
        assert after == before
    report = import_text(
        "voorkeurslabel,andere_labels,competentie,pijler,tags\nGoed,x,4.3,,\nFout,y,9.9,,\n,z,4.3,,\nLos,,,,\n",
        "csv",
    )
    assert report.updated == [] and report.created == ["Goed"] and len(report.errors) == 3
    assert "onbekende DigCompEdu-competentie" in report.errors[0]
    assert import_text("dit is geen turtle {{", "ttl").errors[0].startswith("Het SKOS-bestand")
    assert import_text("a,b\n1,2\n", "csv").errors


def test_management_commands_and_admin_buttons(tmp_path, admin_client):
    target = tmp_path / "concepten.ttl"
    call_command("export_concepts", str(target))
    Concept.objects.filter(competence=DigCompEduCompetence.objects.get(code="5.1")).delete()
    call_command("import_concepts", str(target))
    assert Concept.objects.filter(competence__code="5.1").exists()
    listing = admin_client.get("/admin/snippets/search/concept/").content.decode()
    assert "Exporteer als CSV" in listing and "Importeer CSV of SKOS" in listing
    response = admin_client.get("/admin/zoeken/concepten/export/", {"formaat": "csv"})
    assert response.status_code == 200 and response.content.decode().startswith("voorkeurslabel,")
    upload = SimpleUploadedFile("nieuw.csv", b"voorkeurslabel,competentie\nSchoolapp kiezen,1.1\n")
    response = admin_client.post("/admin/zoeken/concepten/import/", {"file": upload})
    assert response.status_code == 302 and Concept.objects.filter(preferred_label="Schoolapp kiezen").exists()
    wrong = admin_client.post(
        "/admin/zoeken/concepten/import/", {"file": SimpleUploadedFile("x.pdf", b"%PDF")}
    )
    assert wrong.status_code == 200 and "extensie" in wrong.content.decode()


def test_a_corrected_query_names_the_concept_its_typo_hid(site_tree):
    factories.action("Computationeel denken in de klas", summary="Problemen opdelen en algoritmes bedenken.")
    for number in range(4):
        factories.action(f"Ander aanbod {number}", summary="Iets anders.")
    result = search(SearchParams(q="computationeel denkn", interpret=True))
    assert result.corrected == "computationeel denken"
    assert result.concept is not None and result.concept.label == "Computationeel denken"
