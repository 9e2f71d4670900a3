"""What a school user types or uploads never gives a server error and never reaches a private fiche:
NUL bytes, ids of 20 and more digits, 5,000-digit numbers, deeply nested plan documents, and the page
ids of fiches behind a password or a login."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.models import PageViewRestriction

from schools.models import Activity, Goal, PersonalResult, Plan, TeamRound
from tests import factories

from .conftest import result_code
from .test_plans import goal_data

HUGE = "9" * 25


@pytest.fixture
def fiches(site_tree):
    actor = factories.actor("Actor Open", group=factories.partner_group("Groep Open"))
    public = factories.action("Open vorming", organisers=[actor])
    secret = factories.action("Geheime vorming", organisers=[actor])
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="geheim")
    members = factories.action("Vorming voor leden", organisers=[actor])
    PageViewRestriction.objects.create(page=members, restriction_type="login")
    return {"public": public, "password": secret, "login": members}


def goal_url(plan):
    return f"/mijn-school/plannen/{plan.pk}/doelen/nieuw/"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["password", "login"])
def test_a_protected_fiche_cannot_be_linked_to_a_goal(logged_in, plan, fiches, kind):
    secret = fiches[kind]
    response = logged_in.post(goal_url(plan), goal_data(offers=str(secret.pk)))
    body = response.content.decode()
    assert response.status_code == 400 and not Goal.objects.exists()
    assert f"Onbekende fiche: {secret.pk}." in body and secret.title not in body
    logged_in.post(goal_url(plan), goal_data(offers=str(fiches["public"].pk)))
    assert Goal.objects.get().offers == [fiches["public"].pk]


@pytest.mark.django_db
def test_a_fiche_that_became_private_disappears_from_the_plan(logged_in, plan, fiches):
    Goal.objects.create(plan=plan, title="Vorming volgen", offers=[fiches["password"].pk])
    body = logged_in.get(f"/mijn-school/plannen/{plan.pk}/").content.decode()
    assert "Vorming volgen" in body and "Geheime vorming" not in body


@pytest.mark.django_db
@pytest.mark.parametrize("offers", [HUGE, "9" * 5000, "²", "١٢", f"{2**31}"])
def test_an_impossible_fiche_number_gets_a_dutch_field_error(logged_in, plan, fiches, offers):
    response = logged_in.post(goal_url(plan), goal_data(offers=offers[:500]))
    assert response.status_code == 400 and not Goal.objects.exists()
    assert "Geef fiche-nummers, bv. 12, 45." in response.content.decode()
    response = logged_in.post(goal_url(plan), {**goal_data(), "aanbod": [offers]})
    assert response.status_code < 500 and not Goal.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["fiche", "participants"])
def test_an_activity_with_a_huge_number_gets_a_dutch_field_error(logged_in, plan, fiches, field):
    data = {"date": "2026-10-01", "title": "Studiedag", "fiche": "", "participants": "3", "hours": "2"}
    data[field] = HUGE
    response = logged_in.post(f"/mijn-school/plannen/{plan.pk}/activiteiten/", data)
    assert response.status_code == 400 and not Activity.objects.exists()
    assert "Geef een getal van hoogstens 2147483647." in response.content.decode()


@pytest.mark.django_db
def test_a_protected_fiche_cannot_be_linked_to_an_activity(logged_in, plan, fiches):
    data = {"date": "2026-10-01", "title": "Studiedag", "fiche": fiches["login"].pk, "participants": "3"}
    response = logged_in.post(f"/mijn-school/plannen/{plan.pk}/activiteiten/", {**data, "hours": "2"})
    assert response.status_code == 400 and not Activity.objects.exists()
    assert f"Onbekende fiche: {fiches['login'].pk}." in response.content.decode()


def upload_csv(client, plan, content: bytes):
    file = SimpleUploadedFile("activiteiten.csv", content, content_type="text/csv")
    return client.post(f"/mijn-school/plannen/{plan.pk}/activiteiten/csv/", {"bestand": file})


@pytest.mark.django_db
@pytest.mark.parametrize(
    "line, message",
    [
        ("2026-10-01;Intervisie\x00;;5;1;", "ongeldig teken"),
        (f"2026-10-01;Intervisie;{HUGE};5;1;", f"fiche ‘{HUGE[:20]}’ is geen fiche-nummer"),
        (f"2026-10-01;Intervisie;;{HUGE};1;", "deelnemers is geen geheel getal"),
        ("2026-10-01;Intervisie;;²;1;", "deelnemers is geen geheel getal"),
    ],
)
def test_an_activities_csv_with_hostile_values_is_refused(logged_in, plan, line, message):
    content = f"datum;titel;fiche;deelnemers;uren;doelen\n{line}\n".encode()
    response = upload_csv(logged_in, plan, content)
    assert response.status_code < 500 and not Activity.objects.exists()
    assert message in response.content.decode()


def upload_plan(client, school, content: bytes):
    file = SimpleUploadedFile("plan.json", content, content_type="application/json")
    return client.post(f"/mijn-school/scholen/{school.pk}/plan-importeren/", {"bestand": file})


def plan_document(**goal):
    return {"version": 1, "school_year": "2026-2027", "goals": [{"title": "Feedback", **goal}]}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content, message",
    [
        (b'{"goals": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", "te diep genest"),
        (b'{"version": ' + b"9" * 5000 + b"}", "te lang"),
        (json.dumps(plan_document(title="Feed\x00back")).encode(), "ongeldig teken"),
        (json.dumps(plan_document(offers=[int(HUGE)])).encode(), "offers moet een lijst van fiche-nummers"),
    ],
)
def test_a_hostile_plan_document_imports_nothing(logged_in, school, content, message):
    response = upload_plan(logged_in, school, content)
    assert response.status_code == 400 and not Plan.objects.exists()
    assert message in response.content.decode()


@pytest.mark.django_db
def test_a_plan_document_cannot_link_a_protected_fiche(logged_in, school, fiches):
    content = json.dumps(plan_document(offers=[fiches["password"].pk])).encode()
    response = upload_plan(logged_in, school, content)
    assert response.status_code == 400 and not Plan.objects.exists()
    assert f"Onbekende fiche: {fiches['password'].pk}." in response.content.decode()


@pytest.mark.django_db
def test_a_round_title_with_a_nul_byte_is_refused(logged_in, school):
    response = logged_in.post(f"/mijn-school/scholen/{school.pk}/rondes/nieuw/", {"title": "Najaar\x00"})
    assert response.status_code == 400 and not TeamRound.objects.exists()
    assert "ongeldig teken" in response.content.decode()


@pytest.mark.django_db
def test_sharing_with_a_5000_digit_round_shares_nothing(logged_in, director):
    result = PersonalResult.objects.create(
        user=director, code=result_code(2), taken_on="2026-01-01", consented_at=timezone.now()
    )
    response = logged_in.post(
        f"/mijn-school/mijn-resultaten/{result.pk}/delen/", {"ronde": "9" * 5000}, follow=True
    )
    assert response.status_code == 200
    assert "Kies een open teamronde" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/teamronde/{}/", "/mijn-school/uitnodiging/{}/"])
def test_a_token_with_a_nul_byte_is_refused(logged_in, path):
    assert logged_in.get(path.format("%00")).status_code == 400
    # No such token: not found (the retired open round link answers 410 Gone for any token).
    assert logged_in.get(path.format("a" * 5000)).status_code in (404, 410)
