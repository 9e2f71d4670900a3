"""Nothing lost: a plan survives export and import byte for byte, every delete asks first, a refused
action never claims success, invitations and roles can be managed safely, and the activities CSV
reads what Excel nl-BE writes and refuses what it cannot read, line by line."""

import datetime as dt
import json

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from schools import rounds
from schools.importing import import_plan
from schools.models import (
    BEWERKER,
    LEZER,
    Activity,
    Goal,
    Invitation,
    Membership,
    Plan,
    TeamAnswer,
    TeamRound,
)
from schools.report import yearly_report

from .conftest import PASSWORD, make_account


@pytest.fixture
def plan(school):
    plan = Plan.objects.create(
        school=school, school_year="2026-2027", vision="Visie", next_steps="Meer intervisie"
    )
    goal = Goal.objects.create(
        plan=plan,
        title="Digitale feedback geven",
        competences=["4.3"],
        status="niet-bereikt",
        evidence="Zes van de twintig leraren.",
        deadline=dt.date(2027, 6, 30),
    )
    day = Activity.objects.create(plan=plan, date="2026-11-05", title="Studiedag", participants=20, hours=3)
    day.goals.set([goal])
    for n in range(5):
        Activity.objects.create(
            plan=plan, date=f"2027-0{n + 1}-10", title=f"Intervisie {n}", participants=4, hours=1.5
        )
    team_round = TeamRound.objects.create(school=school, title="Najaar 2026")
    for n in range(6):
        TeamAnswer.objects.create(round=team_round, levels={"1.1": 2, "6.5": n})
    rounds.close(team_round)
    return plan


def export(client, plan) -> bytes:
    return client.get(f"/mijn-school/plannen/{plan.pk}/export.json").content


@pytest.mark.django_db
def test_export_delete_import_export_is_byte_identical(logged_in, plan, school):
    before = export(logged_in, plan)
    assert len(json.loads(before)["activities_without_goal"]) == 5
    confirm = logged_in.get(f"/mijn-school/plannen/{plan.pk}/verwijderen/")
    assert "Plan verwijderen" in confirm.content.decode() and Plan.objects.exists()
    logged_in.post(f"/mijn-school/plannen/{plan.pk}/verwijderen/")
    assert not Plan.objects.exists()
    upload = SimpleUploadedFile("plan.json", before, content_type="application/json")
    response = logged_in.post(
        f"/mijn-school/scholen/{school.pk}/plan-importeren/", {"bestand": upload}, follow=True
    )
    assert "6 activiteiten, 40 deelnemers, 10,5 uur" in response.content.decode()
    assert export(logged_in, Plan.objects.get()) == before


@pytest.mark.django_db
def test_rounds_travel_with_the_plan_to_another_school_without_small_cells(plan, school):
    document = yearly_report(plan)
    copy = import_plan(make_school("Kopie"), json.dumps(document).encode())
    assert yearly_report(copy)["team_rounds"] == document["team_rounds"]
    document["team_rounds"][0]["profile"]["1.1"]["distribution"]["A"] = 1
    with pytest.raises(ValueError, match="kleiner dan 5"):
        import_plan(make_school("Derde"), json.dumps(document | {"school_year": "2027-2028"}).encode())


def make_school(name):
    from schools.models import School

    return School.objects.create(name=name, network="go")


@pytest.mark.django_db
def test_every_delete_asks_first(logged_in, plan):
    goal = plan.goals.get()
    activity = plan.activities.first()
    for url in (
        f"/mijn-school/plannen/{plan.pk}/doelen/{goal.pk}/verwijderen/",
        f"/mijn-school/plannen/{plan.pk}/activiteiten/{activity.pk}/verwijderen/",
        f"/mijn-school/plannen/{plan.pk}/verwijderen/",
    ):
        page = logged_in.get(url)
        assert (
            page.status_code == 200
            and "Ja, " in page.content.decode()
            and "Nee, terug" in page.content.decode()
        )
    assert Goal.objects.count() == 1 and Activity.objects.count() == 6 and Plan.objects.count() == 1


@pytest.mark.django_db
def test_a_delete_happens_on_the_confirming_post_and_says_what_went(logged_in, plan, school, director):
    goal, activity = plan.goals.get(), plan.activities.first()
    member = make_account("ict@klimop.test", school, role=LEZER).school_memberships.get()
    for url, said in (
        (
            f"/mijn-school/plannen/{plan.pk}/doelen/{goal.pk}/verwijderen/",
            "Het doel ‘Digitale feedback geven’ is verwijderd",
        ),
        (
            f"/mijn-school/plannen/{plan.pk}/activiteiten/{activity.pk}/verwijderen/",
            "De activiteit ‘Studiedag’ is verwijderd",
        ),
        (
            f"/mijn-school/scholen/{school.pk}/leden/{member.pk}/verwijderen/",
            "ict@klimop.test is geen lid meer",
        ),
        (f"/mijn-school/plannen/{plan.pk}/verwijderen/", "Het plan 2026-2027 is verwijderd"),
    ):
        assert said in logged_in.post(url, follow=True).content.decode(), url
    assert not Goal.objects.exists() and not Plan.objects.exists() and not Activity.objects.exists()
    assert list(Membership.objects.values_list("user", flat=True)) == [director.pk]


@pytest.mark.django_db
def test_the_import_says_what_came_in_activities_without_a_goal_too(logged_in, plan, school):
    document = export(logged_in, plan)
    plan.delete()
    file = SimpleUploadedFile("plan.json", document, content_type="application/json")
    response = logged_in.post(
        f"/mijn-school/scholen/{school.pk}/plan-importeren/", {"bestand": file}, follow=True
    )
    assert "1 doelen, 6 activiteiten, 40 deelnemers, 10,5 uur" in response.content.decode()


@pytest.mark.django_db
def test_deleting_another_schools_activity_is_refused_without_a_success_message(client, plan, stranger):
    other_plan = Plan.objects.create(school=stranger.school_memberships.get().school, school_year="2026-2027")
    client.post("/account/login/", {"login": stranger.email, "password": PASSWORD})
    activity = plan.activities.first()
    response = client.post(f"/mijn-school/plannen/{other_plan.pk}/activiteiten/{activity.pk}/verwijderen/")
    assert response.status_code == 404 and "is verwijderd" not in response.content.decode()
    assert Activity.objects.filter(pk=activity.pk).exists()
    assert client.get(f"/mijn-school/plannen/{plan.pk}/verwijderen/").status_code == 404


@pytest.mark.django_db
def test_invitations_refuse_duplicates_and_members_and_can_be_withdrawn(logged_in, school):
    url = f"/mijn-school/scholen/{school.pk}/uitnodigen/"
    logged_in.post(url, {"email": "nieuw@klimop.test", "role": LEZER})
    again = logged_in.post(url, {"email": "NIEUW@klimop.test", "role": LEZER}, follow=True)
    assert "is al uitgenodigd" in again.content.decode()
    self_invite = logged_in.post(url, {"email": "directie@klimop.test", "role": LEZER}, follow=True)
    assert "is al lid" in self_invite.content.decode()
    assert Invitation.objects.count() == 1 and len(mail.outbox) == 1
    invitation = Invitation.objects.get()
    withdraw = f"/mijn-school/scholen/{school.pk}/uitnodigingen/{invitation.pk}/intrekken/"
    assert "Uitnodiging intrekken" in logged_in.get(withdraw).content.decode()
    done = logged_in.post(withdraw, follow=True)
    assert "is ingetrokken" in done.content.decode() and not Invitation.objects.exists()


@pytest.mark.django_db
def test_roles_change_but_a_school_keeps_a_beheerder(logged_in, school, director, client):
    colleague = make_account("ict@klimop.test", school, role=BEWERKER)
    own = director.school_memberships.get()
    other = colleague.school_memberships.get()
    url = f"/mijn-school/scholen/{school.pk}/leden/{{}}/rol/"
    refused = logged_in.post(url.format(own.pk), {"rol": LEZER}, follow=True)
    assert (
        "altijd minstens één beheerder" in refused.content.decode()
        and "is nu" not in refused.content.decode()
    )
    logged_in.post(url.format(other.pk), {"rol": "beheerder"})
    handed_over = logged_in.post(url.format(own.pk), {"rol": LEZER}, follow=True)
    assert "directie@klimop.test is nu lezer" in handed_over.content.decode()
    assert dict(Membership.objects.values_list("user__email", "role")) == {
        "directie@klimop.test": LEZER,
        "ict@klimop.test": "beheerder",
    }
    assert logged_in.post(url.format(other.pk), {"rol": LEZER}).status_code == 404  # a lezer now


def upload_csv(client, plan, text):
    file = SimpleUploadedFile("activiteiten.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post(f"/mijn-school/plannen/{plan.pk}/activiteiten/csv/", {"bestand": file})


@pytest.mark.django_db
@pytest.mark.parametrize("separator", [";", ","])
def test_the_csv_takes_excel_dates_and_both_separators(logged_in, plan, separator):
    text = f"datum{separator}titel{separator}deelnemers\n05/11/2026{separator}Studiedag{separator}12\n2027-01-10{separator}Intervisie{separator}3\n"
    body = upload_csv(logged_in, plan, text).content.decode()
    assert "Alle 2 activiteiten bewaren" in body and "05/11/2026" in body and "10/01/2027" in body


@pytest.mark.django_db
def test_the_csv_refuses_bad_lines_by_number(logged_in, plan):
    text = (
        "datum;titel;fiche;deelnemers;uren;doelen\n"
        "05/11/2026;Studiedag;;veel;3;\n"
        "06/11/2026;Te kort\n"
        "07/11/2026;Te lang;;3;1;;extra\n"
        "08/11/2026;Niemand;;0;1;\n"
        "09/11/2026;Anderhalf;;2;anderhalf;\n"
        "05/11/2025;Vorig jaar;;2;1;\n"
    )
    response = upload_csv(logged_in, plan, text)
    body = response.content.decode()
    assert response.status_code == 400 and Activity.objects.count() == 6
    assert "Regel 2: ‘veel’ deelnemers is geen geheel getal" in body
    assert "Regel 3: 2 kolommen in plaats van 6" in body
    assert "Regel 4: 7 kolommen in plaats van 6" in body
    assert "Regel 5: er is minstens één deelnemer" in body
    assert "Regel 6: ‘anderhalf’ uren is geen geldig aantal" in body
    assert "Regel 7: 05/11/2025 valt buiten het schooljaar" in body
    assert "in orde" not in body.split("Regel 2")[1].split("</tr>")[0]


@pytest.mark.django_db
def test_report_totals_count_only_the_school_year(plan):
    Activity.objects.create(plan=plan, date="2027-09-15", title="Volgend jaar", participants=30, hours=6)
    assert yearly_report(plan)["totals"] == {
        "activities": 6,
        "participants": 40,
        "hours": 10.5,
        "cost": 0.0,
        "digiplan": 0.0,
    }
