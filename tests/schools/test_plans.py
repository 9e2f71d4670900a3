"""The plan per school year: vision, goals with the SMART check, linked offers, suggested priorities."""

import datetime as dt

import pytest

from schools import rounds
from schools.models import Goal, Plan, TeamAnswer, TeamRound
from schools.smart import smart_problems
from tests import factories


@pytest.mark.django_db
def test_a_plan_per_school_year(logged_in, school):
    response = logged_in.post(
        f"/mijn-school/scholen/{school.pk}/plannen/nieuw/", {"school_year": "2026-2027"}
    )
    plan = Plan.objects.get()
    assert response["Location"] == f"/mijn-school/plannen/{plan.pk}/"
    again = logged_in.post(
        f"/mijn-school/scholen/{school.pk}/plannen/nieuw/", {"school_year": "2026-2027"}, follow=True
    )
    assert "Er is al een plan" in again.content.decode() and Plan.objects.count() == 1
    bad = logged_in.post(
        f"/mijn-school/scholen/{school.pk}/plannen/nieuw/", {"school_year": "2026-2028"}, follow=True
    )
    assert "2026-2027" in bad.content.decode() and Plan.objects.count() == 1


@pytest.mark.django_db
def test_vision_is_saved_with_prompts_shown(logged_in, plan):
    page = logged_in.get(f"/mijn-school/plannen/{plan.pk}/").content.decode()
    assert "Waarom zetten jullie ICT in?" in page
    logged_in.post(
        f"/mijn-school/plannen/{plan.pk}/", {"vision": "ICT ondersteunt differentiatie.", "next_steps": ""}
    )
    plan.refresh_from_db()
    assert plan.vision == "ICT ondersteunt differentiatie."


def goal_data(**overrides):
    data = {
        "title": "Elke leraar geeft feedback met een digitale tool",
        "competences": ["4.3"],
        "target_level": "B1",
        "indicator": "aandeel leraren dat het toepast",
        "target": "80%",
        "owner": "ICT-coördinator",
        "deadline": "2027-05-31",
        "status": "gepland",
        "offers": "",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_a_complete_goal_passes_the_smart_check(logged_in, plan):
    logged_in.post(f"/mijn-school/plannen/{plan.pk}/doelen/nieuw/", goal_data())
    goal = Goal.objects.get()
    assert goal.competences == ["4.3"] and goal.deadline == dt.date(2027, 5, 31)
    assert "SMART-check" not in logged_in.get(f"/mijn-school/plannen/{plan.pk}/").content.decode()


@pytest.mark.django_db
def test_the_smart_check_flags_what_is_missing(logged_in, plan):
    logged_in.post(
        f"/mijn-school/plannen/{plan.pk}/doelen/nieuw/",
        goal_data(owner="", indicator="", target="", target_level="", deadline="2028-01-15"),
    )
    page = logged_in.get(f"/mijn-school/plannen/{plan.pk}/").content.decode()
    for message in (
        "geen eigenaar",
        "buiten het schooljaar 2026-2027",
        "er is geen indicator",
        "geen streefwaarde of doelniveau",
    ):
        assert message in page


def test_smart_check_without_deadline():
    goal = Goal(
        title="Digitale feedback in elke klas",
        competences=["4.3"],
        owner="Directie",
        indicator="aantal lessen met digitale feedback",
        target="40",
    )
    assert smart_problems(goal, "2026-2027") == ["Tijdgebonden: er is geen deadline."]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"deadline": "31 juni"}, "geldige datum"),
        ({"offers": "abc"}, "fiche-nummers"),
        ({"offers": "999999"}, "Onbekende fiche"),
    ],
)
def test_bad_goal_input_gets_a_message_and_saves_nothing(logged_in, plan, overrides, message):
    response = logged_in.post(f"/mijn-school/plannen/{plan.pk}/doelen/nieuw/", goal_data(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Goal.objects.exists()


@pytest.mark.django_db
def test_a_goal_links_a_live_offer(logged_in, plan, site_tree):
    page_id = factories.action("Vorming om te koppelen").pk  # a live, public fiche
    logged_in.post(f"/mijn-school/plannen/{plan.pk}/doelen/nieuw/", goal_data(offers=str(page_id)))
    assert Goal.objects.get().offers == [page_id]


@pytest.mark.django_db
def test_suggested_priorities_come_from_the_latest_round(logged_in, plan, school):
    team_round = TeamRound.objects.create(school=school, title="Najaar")
    for _ in range(5):
        TeamAnswer.objects.create(round=team_round, levels={"1.1": 3, "2.1": 0, "5.2": 1})
    rounds.close(team_round)
    page = logged_in.get(f"/mijn-school/plannen/{plan.pk}/").content.decode()
    assert "?competentie=2.1" in page and page.index("?competentie=2.1") < page.index("?competentie=5.2")


@pytest.mark.django_db
def test_start_the_next_school_year_with_the_goals_chosen(logged_in, plan):
    plan.next_steps = "Meer intervisie"
    plan.save()
    kept = Goal.objects.create(
        plan=plan, title="Open doel", status="niet-bereikt", measured="40%", deadline=dt.date(2027, 5, 31)
    )
    dropped = Goal.objects.create(plan=plan, title="Ander open doel", status="gepland")
    Goal.objects.create(plan=plan, title="Bereikt doel", status="bereikt")
    choice = logged_in.get(f"/mijn-school/plannen/{plan.pk}/volgend-schooljaar/").content.decode()
    assert f'value="{kept.pk}" id="doel-{kept.pk}" checked' in choice and "Bereikt doel" in choice
    assert not Plan.objects.filter(school_year="2027-2028").exists()  # asking changes nothing
    response = logged_in.post(
        f"/mijn-school/plannen/{plan.pk}/volgend-schooljaar/", {"doelen": [kept.pk, "x", 99999]}, follow=True
    )
    assert "Open een nieuwe teamronde" in response.content.decode()
    assert "Nieuwe teamronde openen" in response.content.decode()
    new = Plan.objects.get(school_year="2027-2028")
    [goal] = new.goals.all()
    assert (goal.title, goal.deadline, goal.status) == ("Open doel", dt.date(2028, 5, 31), "gepland")
    assert (
        goal.history
        == "2026-2027: niet bereikt, gemeten 40%. Volgende stappen van het plan: Meer intervisie."
    )
    assert dropped.title not in [g.title for g in new.goals.all()]
    logged_in.post(f"/mijn-school/plannen/{plan.pk}/volgend-schooljaar/")
    assert Plan.objects.filter(school_year="2027-2028").count() == 1


@pytest.mark.django_db
def test_editors_see_counts_not_contents(client, plan, django_user_model):
    admin = django_user_model.objects.create_superuser("beheer", "beheer@portal.test", "x")
    client.force_login(admin)
    body = client.get("/admin/").content.decode()
    assert "1 schoolwerkruimte en 1 plan" in body
    assert plan.school.name not in body
