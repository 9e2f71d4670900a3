"""The leerwand: a teacher shares a training's summary with their school's members, by name or as
"een teamlid", newest first; withdrawing removes it; nobody outside that school sees it."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from leerpad.models import LoggedTraining, WallPost

from .conftest import FOLLOWED_ON, login

pytestmark = pytest.mark.django_db


def wall(school):
    return f"/mijn-leerpad/scholen/{school.pk}/leerwand/"


def log(user, title, summary="In de klas: een quiz per les."):
    return LoggedTraining.objects.create(user=user, title=title, date=FOLLOWED_ON, hours=2, summary=summary)


def test_a_member_shares_a_summary_by_choice_and_withdraws_it(client, member, director, school):
    member.first_name, member.last_name = "Juf", "Klimop"
    member.save()
    first, second = (
        log(member, "Werken met Bookwidgets"),
        log(member, "Padlet in de klas", "Een wand per thema."),
    )
    colleague = login(Client(), director)
    assert "Bookwidgets" not in colleague.get(wall(school)).text  # nothing until shared
    login(client, member)
    client.post(f"/mijn-leerpad/gevolgd/{first.pk}/leerwand/", {"school": school.pk})
    WallPost.objects.update(posted_at=dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    client.post(f"/mijn-leerpad/gevolgd/{second.pk}/leerwand/", {"school": school.pk, "als": "naam"})
    page = colleague.get(wall(school)).text
    assert page.index("Padlet in de klas") < page.index("Werken met Bookwidgets")  # newest first
    assert "Gedeeld door Juf Klimop" in page and "Een wand per thema." in page
    assert "Gedeeld door een teamlid" in page and "In de klas: een quiz per les." in page
    assert page.count("Juf Klimop") == 1
    mine = client.get("/mijn-leerpad/").text
    assert "Van de leerwand halen" in mine and "leerwand van Basisschool De Klimop" in mine
    post = WallPost.objects.get(training=first)
    client.post(f"/mijn-leerpad/gevolgd/{first.pk}/leerwand/{post.pk}/intrekken/")
    assert "Bookwidgets" not in colleague.get(wall(school)).text
    second.delete()
    assert "Padlet" not in colleague.get(wall(school)).text and not WallPost.objects.exists()


def test_only_members_of_that_school_see_the_wall(client, member, school, other_teacher, teacher):
    post = WallPost.objects.create(training=log(member, "Werken met Bookwidgets"), school=school)
    for stranger in (other_teacher, teacher):
        response = login(Client(), stranger).get(wall(school))
        assert response.status_code == 404 and "Bookwidgets" not in response.text
    anonymous = Client().get(wall(school))
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/account/login/")
    # Nobody else posts my training, withdraws my post, or posts to a school they are not in.
    stranger = login(Client(), other_teacher)
    training = post.training
    assert (
        stranger.post(f"/mijn-leerpad/gevolgd/{training.pk}/leerwand/", {"school": school.pk}).status_code
        == 404
    )
    assert (
        stranger.post(f"/mijn-leerpad/gevolgd/{training.pk}/leerwand/{post.pk}/intrekken/").status_code == 404
    )
    own = log(other_teacher, "Eigen vorming")
    response = stranger.post(f"/mijn-leerpad/gevolgd/{own.pk}/leerwand/", {"school": school.pk}, follow=True)
    assert "Kies een school waarvan je lid bent" in response.text
    assert list(WallPost.objects.all()) == [post]


def test_without_a_summary_or_twice_nothing_more_is_posted(client, member, school):
    login(client, member)
    empty = log(member, "Zonder samenvatting", summary="")
    response = client.post(f"/mijn-leerpad/gevolgd/{empty.pk}/leerwand/", {"school": school.pk}, follow=True)
    assert "nog geen samenvatting" in response.text
    full = log(member, "Met samenvatting")
    client.post(f"/mijn-leerpad/gevolgd/{full.pk}/leerwand/", {"school": school.pk})
    response = client.post(f"/mijn-leerpad/gevolgd/{full.pk}/leerwand/", {"school": school.pk}, follow=True)
    assert "staat al op de leerwand" in response.text and WallPost.objects.count() == 1


def test_deleting_the_account_takes_its_posts_off_the_wall(member, director, school):
    WallPost.objects.create(training=log(member, "Werken met Bookwidgets"), school=school, by_name=True)
    get_user_model().objects.filter(pk=member.pk).delete()
    assert "Bookwidgets" not in login(Client(), director).get(wall(school)).text
    assert not WallPost.objects.exists()
