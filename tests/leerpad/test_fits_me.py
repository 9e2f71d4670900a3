"""'Past dit bij mij?' on an offer: the latest kept result when there is one, the self-assessment otherwise."""

import pytest
from django.test import Client

from schools.models import PersonalResult

from .conftest import FOLLOWED_ON, login, result_code

pytestmark = pytest.mark.django_db


def keep(user, level, taken_on=FOLLOWED_ON):
    return PersonalResult.objects.create(
        user=user, code=result_code(level), taken_on=taken_on, consented_at="2026-01-01T00:00Z"
    )


def test_without_a_kept_result_the_question_leads_to_the_self_assessment(client, offer, teacher):
    course = offer("Begeleiden", competences=["3.2"], levels=["B1"])
    url = f"/mijn-leerpad/past-dit-bij-mij/{course.pk}/"
    assert client.get(url)["Location"] == "/zelfevaluatie/"
    assert login(client, teacher).get(url)["Location"] == "/zelfevaluatie/"
    assert client.get("/mijn-leerpad/past-dit-bij-mij/999999/").status_code == 404


def test_the_latest_kept_result_answers_the_question(client, offer, teacher, other_teacher):
    course = offer("Begeleiden", competences=["3.2"], levels=["B1"])
    keep(teacher, 0, taken_on="2025-01-01")
    keep(teacher, 1)  # the latest: A2, so B1 is the next level
    page = login(client, teacher).get(f"/mijn-leerpad/past-dit-bij-mij/{course.pk}/").text
    assert "Dit past bij je" in page and "A2 Ontdekker" in page
    keep(other_teacher, 4)
    other = login(Client(), other_teacher).get(f"/mijn-leerpad/past-dit-bij-mij/{course.pk}/").text
    assert "Je zit al op of boven het niveau" in other and "A2 Ontdekker" not in other
