"""Saving and following offers, and the personal calendar feed with the sessions of followed offers."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from actors.session import ActionSession
from leerpad.models import CalendarFeed, LoggedTraining, MemberGroup, SavedOffer, SchoolPick
from schools.models import PersonalResult

from .conftest import FOLLOWED_ON, login, result_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(offer):
    page = offer("Programmeren met micro:bits", competences=["2.1"], levels=["A2"])
    ActionSession.objects.create(action=page, start=timezone.now() + dt.timedelta(days=20), location="Gent")
    return page


def test_anyone_sees_a_save_link_and_a_teacher_a_save_form_on_an_offer(client, course, teacher):
    anonymous = client.get(course.url).text
    assert f'<a href="/mijn-leerpad/bewaren/{course.pk}/">Bewaar in mijn leerpad</a>' in anonymous
    assert "csrfmiddlewaretoken" not in anonymous  # the public page stays cacheable
    page = login(client, teacher).get(course.url).text
    assert f'action="/mijn-leerpad/bewaren/{course.pk}/"' in page and "csrfmiddlewaretoken" in page


def test_saving_needs_a_login_and_a_csrf_token(course, teacher):
    browser = Client(enforce_csrf_checks=True)
    response = browser.get(f"/mijn-leerpad/bewaren/{course.pk}/")
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    login(browser, teacher)
    assert browser.post(f"/mijn-leerpad/bewaren/{course.pk}/").status_code == 403
    form = browser.get(f"/mijn-leerpad/bewaren/{course.pk}/")
    token = form.text.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    saved = browser.post(f"/mijn-leerpad/bewaren/{course.pk}/", {"csrfmiddlewaretoken": token}, follow=True)
    assert "staat in je leerpad" in saved.text and course.title in saved.text
    assert SavedOffer.objects.get(user=teacher, offer=course).following is False


def test_a_teacher_follows_an_offer_and_reads_its_sessions_in_a_private_feed(client, course, offer, teacher):
    login(client, teacher)
    other = offer("Niet gevolgd", competences=["2.1"])
    ActionSession.objects.create(action=other, start=timezone.now() + dt.timedelta(days=5), location="Brugge")
    client.post(f"/mijn-leerpad/bewaren/{course.pk}/", {"volgen": "ja"})
    client.post(f"/mijn-leerpad/bewaren/{other.pk}/")
    client.post(f"/mijn-leerpad/bewaren/{other.pk}/")  # twice: still one
    assert SavedOffer.objects.filter(user=teacher).count() == 2
    client.post("/mijn-leerpad/agendalink/")
    token = CalendarFeed.objects.get(user=teacher).token
    page = client.get("/mijn-leerpad/").text
    assert f"/mijn-leerpad/agenda/{token}.ics" in page and "je volgt dit" in page

    feed = Client().get(f"/mijn-leerpad/agenda/{token}.ics")  # an agenda app: no login
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(feed.content).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == [course.title]

    client.post("/mijn-leerpad/agendalink/")  # a new link: the old one stops working
    assert Client().get(f"/mijn-leerpad/agenda/{token}.ics").status_code == 404
    new = CalendarFeed.objects.get(user=teacher).token
    client.post("/mijn-leerpad/agendalink/intrekken/")
    assert Client().get(f"/mijn-leerpad/agenda/{new}.ics").status_code == 404
    assert Client().get("/mijn-leerpad/agenda/geraden.ics").status_code == 404


def test_unfollow_and_remove(client, course, teacher):
    login(client, teacher)
    client.post(f"/mijn-leerpad/bewaren/{course.pk}/", {"volgen": "ja"})
    saved = SavedOffer.objects.get()
    client.post(f"/mijn-leerpad/bewaard/{saved.pk}/volgen/", {"volgen": "nee"})
    saved.refresh_from_db()
    assert not saved.following
    client.post(f"/mijn-leerpad/bewaard/{saved.pk}/verwijderen/")
    assert not SavedOffer.objects.exists()


def test_another_teacher_or_a_visitor_cannot_touch_my_saved_offers(client, course, teacher, other_teacher):
    login(client, teacher).post(f"/mijn-leerpad/bewaren/{course.pk}/", {"volgen": "ja"})
    saved = SavedOffer.objects.get()
    stranger = login(Client(), other_teacher)
    assert course.title not in stranger.get("/mijn-leerpad/").text
    for url in (
        f"/mijn-leerpad/bewaard/{saved.pk}/volgen/",
        f"/mijn-leerpad/bewaard/{saved.pk}/verwijderen/",
    ):
        assert stranger.post(url, {"volgen": "nee"}).status_code == 404
        assert "/account/login/" in Client().post(url)["Location"]
    assert Client().get("/mijn-leerpad/")["Location"].startswith("/account/login/")
    saved.refresh_from_db()
    assert saved.following


def test_saving_an_unknown_or_unpublished_offer_is_a_404(client, course, teacher):
    login(client, teacher)
    assert client.post("/mijn-leerpad/bewaren/999999/").status_code == 404
    course.unpublish()
    assert client.post(f"/mijn-leerpad/bewaren/{course.pk}/").status_code == 404
    assert not SavedOffer.objects.exists()


def test_the_leerpad_page_costs_a_bounded_number_of_queries(
    client, offer, member, school, django_assert_max_num_queries
):
    login(client, member)
    for n in range(6):
        page = offer(f"Aanbod {n}", competences=["2.1"])
        client.post(f"/mijn-leerpad/bewaren/{page.pk}/", {"volgen": "ja"})
        training = LoggedTraining.objects.create(
            user=member, title=f"Vorming {n}", date=FOLLOWED_ON, hours=2, summary="In de klas."
        )
        client.post(f"/mijn-leerpad/gevolgd/{training.pk}/delen/", {"school": school.pk})
        client.post(f"/mijn-leerpad/gevolgd/{training.pk}/leerwand/", {"school": school.pk})
        SchoolPick.objects.create(school=school, offer=page, group="starters" if n % 2 else "iedereen")
        PersonalResult.objects.create(
            user=member, code=result_code(n % 6), taken_on=FOLLOWED_ON, consented_at="2026-01-01T00:00Z"
        )
    MemberGroup.objects.create(membership=member.school_memberships.get(), group="starters")
    client.post("/mijn-leerpad/agendalink/")
    client.post("/mijn-leerpad/e-mail/", {"mail": "ja"})
    client.get("/mijn-leerpad/")  # messages consumed
    with django_assert_max_num_queries(
        14
    ):  # measured 14: + the mail choice, + leerwand posts and their schools
        response = client.get("/mijn-leerpad/")
    assert response.text.count("Vorming ") == 6 and response.text.count("Delen intrekken") == 6
    assert response.text.count("Van de leerwand halen") == 6 and "Ook in de kijker" not in response.text
