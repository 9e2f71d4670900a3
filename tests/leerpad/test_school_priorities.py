"""The beheerder puts offers in front of the team; members see them first; the school sees per offer
how many members logged it, from 5 on only."""

import datetime as dt

import pytest
from django.test import Client

from leerpad.models import LoggedTraining, SchoolPick
from schools.models import LEZER

from .conftest import FOLLOWED_ON, login, make_account

pytestmark = pytest.mark.django_db


def url(school):
    return f"/mijn-leerpad/scholen/{school.pk}/prioriteiten/"


def test_the_beheerder_pins_an_offer_and_members_see_it_first(
    client, director, member, teacher, other_teacher, school, offer
):
    course = offer("Mediawijs lesgeven", competences=["6.1"])
    login(client, director)
    found = client.get(url(school), {"zoek": "mediawijs"}).text
    assert f'value="{course.pk}"' in found
    due = (dt.date.today() + dt.timedelta(days=60)).isoformat()
    response = client.post(url(school), {"aanbod": course.pk, "groep": "starters", "tegen": due})
    assert response.status_code == 302
    assert "Prioriteiten van Basisschool De Klimop beheren" in client.get("/mijn-leerpad/").text
    mine = login(Client(), member).get("/mijn-leerpad/").text
    assert "Mijn school raadt aan" in mine and "Mediawijs lesgeven" in mine and "voor starters" in mine
    for outsider in (teacher, other_teacher):
        assert "Mediawijs lesgeven" not in login(Client(), outsider).get("/mijn-leerpad/").text


def test_only_the_beheerder_of_that_school_manages_priorities(director, member, other_teacher, school, offer):
    course = offer("Mediawijs lesgeven")
    pick = SchoolPick.objects.create(school=school, offer=course)
    remove = f"{url(school)}{pick.pk}/verwijderen/"
    for user in (member, other_teacher):
        visitor = login(Client(), user)
        assert visitor.get(url(school)).status_code == 404
        assert visitor.post(url(school), {"aanbod": course.pk, "groep": "iedereen"}).status_code == 404
        assert visitor.post(remove).status_code == 404
    assert "/account/login/" in Client().get(url(school))["Location"]
    assert SchoolPick.objects.count() == 1
    login(Client(), director).post(remove)
    assert not SchoolPick.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"aanbod": "999999", "groep": "iedereen"}, "bestaat niet"),
        ({"aanbod": None, "groep": "iedereen"}, "Kies een aanbod"),
        ({"groep": "ander"}, "naam van de groep"),
        ({"groep": "iedereen", "tegen": "2000-01-01"}, "in het verleden"),
    ],
)
def test_bad_input_says_what_is_wrong_and_pins_nothing(client, director, school, offer, data, message):
    course = offer("Mediawijs lesgeven")
    data = {"aanbod": course.pk} | data
    response = login(client, director).post(url(school), {k: v for k, v in data.items() if v is not None})
    assert response.status_code == 400 and message in response.text
    assert not SchoolPick.objects.exists()


def test_the_school_sees_how_many_logged_a_pinned_offer_only_from_five(client, director, school, offer):
    course = offer("Mediawijs lesgeven")
    SchoolPick.objects.create(school=school, offer=course)
    for n in range(4):
        user = make_account(f"lid{n}@klimop.test", school, role=LEZER)
        LoggedTraining.objects.create(user=user, offer=course, title="x", date=FOLLOWED_ON, hours=1)
    outsider = make_account("iemand@elders.test")
    LoggedTraining.objects.create(user=outsider, offer=course, title="x", date=FOLLOWED_ON, hours=1)
    login(client, director)
    assert "&lt; 5 leden" in client.get(url(school)).text
    user = make_account("lid5@klimop.test", school, role=LEZER)
    LoggedTraining.objects.create(user=user, offer=course, title="x", date=FOLLOWED_ON, hours=1)
    LoggedTraining.objects.create(user=user, offer=course, title="nog eens", date=FOLLOWED_ON, hours=1)
    assert "<td>5 leden</td>" in client.get(url(school)).text
