"""'Voor jou' rows on the home page: for a logged-in teacher, or with a result code in the URL."""

import pytest
from django.test import Client

from leerpad.models import SchoolPick
from schools.models import PersonalResult
from selfassessment import codes
from selfassessment.framework import COMPETENCES

from .conftest import FOLLOWED_ON, login

# B1 everywhere but 3.2 at A1: 3.2 is the first priority, and A2 its next level
CODE = codes.encode(dict.fromkeys(COMPETENCES, 2) | {"3.2": 0})

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers(offer):
    return {
        "next": offer("Begeleiden op afstand", competences=["3.2"], levels=["A2"], status="binnenkort"),
        "online": offer("Webinar digitale toetsen", competences=["4.1"], forms=["webinar"], cost="gratis"),
    }


def test_a_visitor_without_a_code_gets_no_rows_and_with_a_code_nothing_is_stored(client, offers):
    assert "Voor jou" not in client.get("/").text
    page = client.get("/", {"resultaat": CODE})
    assert "Op je volgende niveau" in page.text and "Begeleiden op afstand" in page.text
    assert "csrfmiddlewaretoken" not in page.text and not page.cookies


def test_a_member_sees_the_school_picks_and_the_next_level_with_one_tap_to_save(
    client, offers, member, school, other_teacher, django_assert_max_num_queries
):
    SchoolPick.objects.create(school=school, offer=offers["online"])
    PersonalResult.objects.create(
        user=member, code=CODE, taken_on=FOLLOWED_ON, consented_at="2026-01-01T00:00Z"
    )
    login(client, member)
    client.get("/")  # warm the caches of the search
    with django_assert_max_num_queries(15):
        page = client.get("/").text
    for row in ("Mijn school raadt aan", "Op je volgende niveau", "Start binnenkort", "Gratis en online"):
        assert f"<h3>{row}</h3>" in page
    assert f'action="/mijn-leerpad/bewaren/{offers["next"].pk}/"' in page
    other = login(Client(), other_teacher).get("/").text
    assert "Mijn school raadt aan" not in other and "Op je volgende niveau" not in other
