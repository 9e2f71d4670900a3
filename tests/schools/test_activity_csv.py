"""Bulk add of activities from a CSV: a preview of every line with its errors, nothing saved until a
clean file is confirmed, and then all of it."""

import base64
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from schools.models import Activity, Goal, Plan


@pytest.fixture
def plan(school):
    plan = Plan.objects.create(school=school, school_year="2026-2027")
    Goal.objects.create(plan=plan, title="Digitale feedback")
    return plan


def upload(client, plan, text):
    file = SimpleUploadedFile("activiteiten.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post(f"/mijn-school/plannen/{plan.pk}/activiteiten/csv/", {"bestand": file})


def confirm(client, plan, preview):
    content = re.search(r'name="inhoud" value="([^"]+)"', preview.content.decode())[1]
    return client.post(f"/mijn-school/plannen/{plan.pk}/activiteiten/csv/", {"inhoud": content})


@pytest.mark.django_db
def test_a_clean_csv_is_previewed_then_saved_when_confirmed(logged_in, plan):
    text = (
        "datum;titel;fiche;deelnemers;uren;doelen\n"
        "2026-10-01;Intervisie;;5;1,5;Digitale feedback\n"
        "2026-11-05;Studiedag;;20;6;\n"
    )
    preview = upload(logged_in, plan, text)
    body = preview.content.decode()
    assert preview.status_code == 200 and not Activity.objects.exists()
    assert "Intervisie" in body and "Studiedag" in body and "Alle 2 activiteiten bewaren" in body
    assert confirm(logged_in, plan, preview).status_code == 302
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
    assert response.status_code == 400 and 'name="inhoud"' not in body
    assert '<th scope="row">2</th>' in body and "in orde" in body  # the good line is listed too
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


@pytest.mark.django_db
def test_a_tampered_confirmation_saves_nothing(logged_in, plan):
    bad = base64.b64encode(b"datum;titel\n2026-10-01;Goed\nmorgen;Slecht\n").decode()
    for content in (bad, "geen base64!"):
        response = logged_in.post(f"/mijn-school/plannen/{plan.pk}/activiteiten/csv/", {"inhoud": content})
        assert response.status_code == 400
    assert not Activity.objects.exists()
