"""A fresh database has every taxonomy, with stable codes and Dutch labels."""

import pytest

from portal.taxonomy import (
    Audience,
    DigCompEduArea,
    DigCompEduCompetence,
    EducationNetwork,
    EindtermBlock,
    Pillar,
    ProfessionalisationForm,
    ProficiencyLevel,
    SchoolLevel,
)

pytestmark = pytest.mark.django_db


def test_digcompedu_has_six_areas_and_twenty_two_competences():
    assert list(DigCompEduArea.objects.values_list("code", flat=True)) == ["1", "2", "3", "4", "5", "6"]
    assert DigCompEduCompetence.objects.count() == 22
    per_area = {area.code: area.competences.count() for area in DigCompEduArea.objects.all()}
    assert per_area == {"1": 4, "2": 3, "3": 4, "4": 3, "5": 3, "6": 5}
    assert all(
        c.code.startswith(c.area.code + ".") for c in DigCompEduCompetence.objects.select_related("area")
    )


def test_six_proficiency_levels_in_order():
    levels = [(level.code, level.label) for level in ProficiencyLevel.objects.all()]
    assert levels == [
        ("A1", "Nieuwkomer"),
        ("A2", "Ontdekker"),
        ("B1", "Integrator"),
        ("B2", "Expert"),
        ("C1", "Leider"),
        ("C2", "Pionier"),
    ]


def test_the_other_taxonomies():
    assert set(Pillar.objects.values_list("code", flat=True)) == {
        "digicoach",
        "screening",
        "aanbod",
        "netwerken",
        "infrastructuur",
    }
    assert SchoolLevel.objects.count() == 8
    assert Audience.objects.count() == 6
    assert ProfessionalisationForm.objects.count() == 17
    assert EindtermBlock.objects.count() == 3
    assert set(EducationNetwork.objects.values_list("code", flat=True)) == {
        "go",
        "kov",
        "ovsg",
        "pov",
        "netoverschrijdend",
    }


def test_a_renamed_label_survives_reloading_the_taxonomies():
    from django.apps import apps

    from portal.taxonomy_seed import load_taxonomies

    Pillar.objects.filter(code="aanbod").update(label="Aanbod op maat")
    load_taxonomies(apps.get_model)
    assert Pillar.objects.get(code="aanbod").label == "Aanbod op maat"
    assert Pillar.objects.count() == 5
