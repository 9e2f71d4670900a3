"""The school pages are valid HTML (Nu Html Checker), including a form sent back with errors."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from schools import rounds
from schools.models import Activity, Goal, PersonalResult, Plan, TeamAnswer, TeamRound

from .conftest import PASSWORD, result_code


@pytest.mark.django_db
@pytest.mark.engine_independent
def test_school_pages_have_no_html_errors(client, school, director, vnu):
    plan = Plan.objects.create(school=school, school_year="2026-2027", vision="Visie")
    goal = Goal.objects.create(plan=plan, title="Doel", competences=["4.3"])
    Activity.objects.create(plan=plan, date="2026-11-05", title="Studiedag").goals.add(goal)
    team_round = TeamRound.objects.create(school=school, title="Najaar")
    for n in range(5):
        TeamAnswer.objects.create(round=team_round, levels={"4.3": 2, "6.5": n})
    open_round = TeamRound.objects.create(school=school, title="Voorjaar")
    token = rounds.issue_tickets(open_round)[director.email]
    rounds.close(team_round)
    pages = {
        "answer": f"/teamronde/{token}/",
        "answer-gone": f"/teamronde/{team_round.token}/",
        "privacy": "/mijn-school/privacy/",
        "login": "/account/login/",
        "signup": "/account/signup/",
        "reset": "/account/password/reset/",
    }
    html = {name: client.get(url).content for name, url in pages.items()}
    client.post("/account/login/", {"login": director.email, "password": PASSWORD})
    pages = {
        "home": "/mijn-school/",
        "school": f"/mijn-school/scholen/{school.pk}/",
        "round": f"/mijn-school/rondes/{team_round.pk}/",
        "plan": f"/mijn-school/plannen/{plan.pk}/",
        "goal": f"/mijn-school/plannen/{plan.pk}/doelen/{goal.pk}/",
        "activities": f"/mijn-school/plannen/{plan.pk}/activiteiten/",
        "report": f"/mijn-school/plannen/{plan.pk}/verslag/",
        "delete": f"/mijn-school/scholen/{school.pk}/wissen/",
        "goal-search": f"/mijn-school/plannen/{plan.pk}/doelen/{goal.pk}/?zoek=feedback&title=Doel",
        "import": f"/mijn-school/scholen/{school.pk}/plan-importeren/",
        "my-results": "/mijn-school/mijn-resultaten/",
        "open-round": f"/mijn-school/rondes/{open_round.pk}/",
        "confirm": f"/mijn-school/plannen/{plan.pk}/doelen/{goal.pk}/verwijderen/",
        "delete-account": "/mijn-school/account-verwijderen/",
        "next-year": f"/mijn-school/plannen/{plan.pk}/volgend-schooljaar/",
        "draft": f"/mijn-school/plannen/{plan.pk}/doelen/nieuw/?competentie=4.3",
    }
    PersonalResult.objects.create(
        user=director, code=result_code(2), taken_on="2026-10-01", consented_at="2026-10-01T10:00Z"
    )
    html |= {name: client.get(url).content for name, url in pages.items()}
    html["goal-errors"] = client.post(
        f"/mijn-school/plannen/{plan.pk}/doelen/nieuw/", {"deadline": "x"}
    ).content
    csv_file = SimpleUploadedFile("a.csv", b"datum;titel\n2026-10-01;Goed\nmorgen;Fout\n", "text/csv")
    html["csv-preview"] = client.post(
        f"/mijn-school/plannen/{plan.pk}/activiteiten/csv/", {"bestand": csv_file}
    ).content
    vnu(html)
