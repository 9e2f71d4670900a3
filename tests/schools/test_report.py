"""The yearly report as plain data and its HTML, CSV, JSON and PDF renderings; activities."""

import csv
import io
import json

import pytest
from pypdf import PdfReader

from schools import rounds
from schools.models import Activity, Goal, Plan, TeamAnswer, TeamRound
from schools.report import yearly_report


@pytest.fixture
def plan(school):
    plan = Plan.objects.create(
        school=school,
        school_year="2026-2027",
        vision="Samen digitaal sterker.",
        next_steps="Meer intervisie.",
    )
    feedback = Goal.objects.create(
        plan=plan,
        title="Digitale feedback",
        competences=["4.3"],
        owner="Directie",
        status="bezig",
        evidence="Twaalf leraren geven wekelijks feedback in de leeromgeving.",
    )
    platform = Goal.objects.create(plan=plan, title="Leerplatform", competences=["2.1", "4.3"])
    day = Activity.objects.create(
        plan=plan, date="2026-11-05", title="Studiedag feedback", participants=20, hours=3
    )
    day.goals.set([feedback, platform])
    Activity.objects.create(plan=plan, date="2027-01-10", title="Intervisie", participants=4, hours=1.5)
    small = TeamRound.objects.create(school=school, title="Klein")
    TeamAnswer.objects.create(round=small, levels={"4.3": 1})
    rounds.close(small)
    TeamRound.objects.filter(pk=small.pk).update(closed_on="2026-12-01")
    earlier = TeamRound.objects.create(school=school, title="Vorig schooljaar")
    rounds.close(earlier)
    TeamRound.objects.filter(pk=earlier.pk).update(closed_on="2026-06-30")
    return plan


@pytest.mark.django_db
def test_the_report_is_plain_data_in_the_structure_of_the_circular(plan):
    report = yearly_report(plan)
    json.dumps(report)  # plain data
    assert report["vision"] == "Samen digitaal sterker." and report["next_steps"] == "Meer intervisie."
    assert [g["title"] for g in report["goals"]] == ["Digitale feedback", "Leerplatform"]
    assert report["goals"][0]["activities"][0]["participants"] == 20
    assert (
        report["goals"][0]["evidence"].startswith("Twaalf leraren") and report["goals"][1]["evidence"] == ""
    )
    assert report["totals"] == {
        "activities": 2,
        "participants": 24,
        "hours": 4.5,
        "cost": 0.0,
        "digiplan": 0.0,
    }
    assert report["per_competence"]["4.3"] == {"activities": 1, "participants": 20, "hours": 3.0}
    assert report["team_rounds"] == [
        {
            "title": "Klein",
            "closed_on": "2026-12-01",
            "answers": None,
            "profile": None,
            "message": "nog te weinig antwoorden",
        }
    ]


@pytest.mark.django_db
def test_report_page_and_downloads(logged_in, plan):
    page = logged_in.get(f"/mijn-school/plannen/{plan.pk}/verslag/").content.decode()
    assert "Studiedag feedback" in page and "<dt>Bewijs of resultaat</dt><dd>Twaalf leraren" in page
    csv_response = logged_in.get(f"/mijn-school/plannen/{plan.pk}/verslag.csv")
    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "doel" and ["Digitale feedback", "bezig"] == rows[1][:2]
    assert rows[1][rows[0].index("bewijs")].startswith("Twaalf leraren")
    exported = json.loads(logged_in.get(f"/mijn-school/plannen/{plan.pk}/export.json").content)
    assert exported == yearly_report(plan)


@pytest.mark.django_db
def test_report_pdf(logged_in, plan):
    response = logged_in.get(f"/mijn-school/plannen/{plan.pk}/verslag.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Twaalf leraren" in " ".join(text.split())


@pytest.mark.django_db
def test_log_an_activity_and_refuse_bad_input(logged_in, plan):
    goal = plan.goals.first()
    url = f"/mijn-school/plannen/{plan.pk}/activiteiten/"
    data = {"date": "2027-02-01", "title": "Klasbezoek", "goals": [goal.pk], "participants": 2, "hours": 1}
    assert logged_in.post(url, data).status_code == 302
    assert Activity.objects.get(title="Klasbezoek").goals.get() == goal
    for bad, message in (
        ({"date": "gisteren"}, "geldige datum"),
        ({"fiche": 999999}, "Onbekende fiche"),
        ({"hours": -1}, "negatief"),
    ):
        response = logged_in.post(url, {**data, "title": "Fout", **bad})
        assert response.status_code == 400 and message in response.content.decode()
    assert not Activity.objects.filter(title="Fout").exists()


@pytest.mark.django_db
def test_the_report_pages_stay_within_a_query_budget(logged_in, plan, django_assert_max_num_queries):
    with django_assert_max_num_queries(25):
        logged_in.get(f"/mijn-school/plannen/{plan.pk}/verslag/")
    with django_assert_max_num_queries(25):
        logged_in.get(f"/mijn-school/plannen/{plan.pk}/")
