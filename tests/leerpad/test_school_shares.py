"""A logged training reaches a school only when the teacher shares it, anonymously or by name, and
leaves it again on unsharing, deleting the training or deleting the account."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from leerpad.export import user_data
from leerpad.models import LoggedTraining, SchoolShare
from schools import personal_data
from schools.models import Activity, Plan

from .conftest import FOLLOWED_ON, PDF, YEAR, login

pytestmark = pytest.mark.django_db


@pytest.fixture
def training(member):
    return LoggedTraining.objects.create(
        user=member, title="Werken met Bookwidgets", date=FOLLOWED_ON, hours="3.5", summary="Quiz."
    )


def activities_page(director, school):
    plan = Plan.objects.get(school=school, school_year=YEAR)
    return login(Client(), director).get(f"/mijn-school/plannen/{plan.pk}/activiteiten/").text


def test_the_school_sees_nothing_until_shared_then_only_that_item(client, member, director, school, training):
    assert "Bookwidgets" not in activities_page(director, school)
    assert "Bookwidgets" not in login(Client(), director).get("/mijn-leerpad/").text
    login(client, member)
    response = client.post(
        f"/mijn-leerpad/gevolgd/{training.pk}/delen/", {"school": school.pk, "als": "anoniem"}
    )
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert activity.title == "Werken met Bookwidgets (gedeeld door een teamlid)"
    assert str(activity.hours) == "3.5" and activity.date == FOLLOWED_ON
    assert "Werken met Bookwidgets (gedeeld door een teamlid)" in activities_page(director, school)
    report = login(Client(), director).get(f"/mijn-school/plannen/{activity.plan.pk}/verslag/").text
    assert "gedeeld door een teamlid" in report and "Quiz." not in report and member.email not in report

    again = client.post(f"/mijn-leerpad/gevolgd/{training.pk}/delen/", {"school": school.pk}, follow=True)
    assert "al met" in again.text and Activity.objects.count() == 1

    share = SchoolShare.objects.get()
    client.post(f"/mijn-leerpad/gevolgd/{training.pk}/delen/{share.pk}/intrekken/")
    assert not Activity.objects.exists() and "Bookwidgets" not in activities_page(director, school)


def test_sharing_by_name_shows_the_name_the_teacher_chose(client, member, director, school, training):
    login(client, member).post(
        f"/mijn-leerpad/gevolgd/{training.pk}/delen/", {"school": school.pk, "als": "naam"}
    )
    assert f"Werken met Bookwidgets (gedeeld door {member.email})" in activities_page(director, school)


def test_only_a_member_shares_and_only_with_their_own_school(
    client, teacher, other_teacher, member, school, training
):
    mine = LoggedTraining.objects.create(user=teacher, title="Alleen", date=FOLLOWED_ON, hours=1)
    page = login(client, teacher).get("/mijn-leerpad/").text
    assert "Delen met je school" not in page  # a teacher with no school
    refused = client.post(f"/mijn-leerpad/gevolgd/{mine.pk}/delen/", {"school": school.pk}, follow=True)
    assert "Kies een school waarvan je lid bent" in refused.text
    stranger = login(Client(), other_teacher)
    assert (
        stranger.post(f"/mijn-leerpad/gevolgd/{training.pk}/delen/", {"school": school.pk}).status_code == 404
    )
    for value in ("", "abc", "999999"):
        login(Client(), member).post(f"/mijn-leerpad/gevolgd/{training.pk}/delen/", {"school": value})
    assert (
        "/account/login/"
        in Client().post(f"/mijn-leerpad/gevolgd/{training.pk}/delen/", {"school": school.pk})["Location"]
    )
    assert not Activity.objects.exists()


def test_without_a_plan_for_that_school_year_nothing_is_shared(client, member, school, training):
    Plan.objects.filter(school=school).delete()
    response = login(client, member).post(
        f"/mijn-leerpad/gevolgd/{training.pk}/delen/", {"school": school.pk}, follow=True
    )
    assert f"nog geen plan voor schooljaar {YEAR}" in response.text and not Activity.objects.exists()


def test_another_teacher_cannot_unshare_and_deleting_the_account_withdraws_every_share(
    client,
    member,
    other_teacher,
    school,
    training,
    private_evidence_folder,
    django_capture_on_commit_callbacks,
):
    login(client, member).post(f"/mijn-leerpad/gevolgd/{training.pk}/delen/", {"school": school.pk})
    share = SchoolShare.objects.get()
    url = f"/mijn-leerpad/gevolgd/{training.pk}/delen/{share.pk}/intrekken/"
    assert login(Client(), other_teacher).post(url).status_code == 404
    assert Activity.objects.exists()
    client.post(
        "/mijn-leerpad/gevolgd/nieuw/",
        {
            "title": "Met attest",
            "date": FOLLOWED_ON.isoformat(),
            "hours": "2",
            "evidence": SimpleUploadedFile("a.pdf", PDF),
        },
    )
    assert any(private_evidence_folder.glob("*"))
    with django_capture_on_commit_callbacks(execute=True):
        member.delete()
    assert not Activity.objects.exists() and not LoggedTraining.objects.exists()
    assert not any(private_evidence_folder.glob("*"))


@pytest.mark.django_db
def test_the_personal_data_download_includes_the_leerpad():
    teacher = get_user_model().objects.create_user("lena", "lena@school.test", "geheim-wachtwoord-1")
    LoggedTraining.objects.create(
        user=teacher, title="Webinar AI in de klas", date=FOLLOWED_ON, hours=2, summary="Prompts."
    )
    download = personal_data.export(teacher)
    assert download["leerpad"] == user_data(teacher)
    assert "Webinar AI in de klas" in str(download["leerpad"])
