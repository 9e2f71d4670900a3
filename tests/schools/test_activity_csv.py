"""Bulk add of activities from a CSV: errors per line, and nothing saved unless the file is clean."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from schools.models import Activity, Goal, Plan

from .conftest import PASSWORD


@pytest.fixture
def plan(school):
    plan = Plan.objects.create(school=school, school_year="2026-2027")
    Goal.objects.create(plan=plan, title="Digitale feedback")
    return plan


def upload(client, plan, text):
    file = SimpleUploadedFile("activiteiten.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post(f"/mijn-school/plannen/{plan.pk}/activiteiten/csv/", {"bestand": file})


@pytest.fixture
def logged_in(client, director):
    client.post("/account/login/", {"login": director.email, "password": PASSWORD})
    return client


@pytest.mark.django_db
def test_a_clean_csv_adds_every_line(logged_in, plan):
    text = (
        "datum;titel;fiche;deelnemers;uren;doelen\n"
        "2026-10-01;Intervisie;;5;1,5;Digitale feedback\n"
        "2026-11-05;Studiedag;;20;6;\n"
    )
    assert upload(logged_in, plan, text).status_code == 302
    assert [(a.title, a.participants) for a in Activity.objects.all()] == [
        ("Intervisie", 5),
        ("Studiedag", 20),
    ]
    assert Activity.objects.get(title="Intervisie").goals.get().title == "Digitale feedback"


@pytest.mark.django_db
def test_errors_are_shown_per_line_and_nothing_is_saved(logged_in, plan):
    text = (
        "datum;titel;fiche;deelnemers;uren;doelen\n"
        "2026-10-01;Goed;;5;1;\n"
        "1 oktober;Slechte datum;;5;1;\n"
        "2026-10-03;;abc;veel;-2;Onbekend doel\n"
        "2026-10-04;Onbekende fiche;987654;1;1;\n"
    )
    response = upload(logged_in, plan, text)
    body = response.content.decode()
    assert response.status_code == 400
    for message in (
        "Regel 3: ‘1 oktober’ is geen datum",
        "Regel 4: de titel ontbreekt",
        "Regel 4: fiche ‘abc’",
        "Regel 4: ‘veel’ deelnemers",
        "Regel 4: ‘-2’ uren",
        "Regel 4: het doel ‘Onbekend doel’",
        "Regel 5: onbekende fiche 987654",
    ):
        assert message in body
    assert not Activity.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text, message",
    [("titel\nx\n", "ontbreken"), ("datum;titel\n", "geen activiteiten"), ("x" * (600 * 1024), "te groot")],
)
def test_a_wrong_file_is_refused(logged_in, plan, text, message):
    response = upload(logged_in, plan, text)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Activity.objects.exists()
