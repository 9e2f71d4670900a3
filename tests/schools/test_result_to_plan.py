"""From a closed round's result to a plan: names, a chart per area with its table, the strongest and
weakest competences in words, priorities with a reason, a drafted goal with offers suggested but not
ticked, and a SMART check that means something."""

import datetime as dt

import pytest

from schools import rounds
from schools.models import Goal, TeamAnswer, TeamRound
from schools.smart import smart_hints
from selfassessment.recommendations import recommend_for


@pytest.fixture
def closed_round(school):
    team_round = TeamRound.objects.create(school=school, title="Najaar 2026")
    for n in range(6):
        levels = {"1.1": 4, "2.1": 3, "4.3": 0 if n < 3 else 5, "6.4": 1, "6.5": n % 6}
        TeamAnswer.objects.create(round=team_round, levels=levels)
    rounds.close(team_round)
    TeamRound.objects.filter(pk=team_round.pk).update(closed_on=dt.date(2026, 11, 20))
    return TeamRound.objects.get(pk=team_round.pk)


@pytest.mark.django_db
def test_the_result_speaks_in_names_chart_and_words(logged_in, closed_round, plan):
    page = logged_in.get(f"/mijn-school/rondes/{closed_round.pk}/").content.decode()
    assert "1.1 Organisatorische communicatie" in page
    assert '<svg class="radar"' in page and "Mediaan van het team per domein" in page
    assert "Het sterkst staat het team in 1.1 Organisatorische communicatie" in page
    assert "Het meeste groeiruimte is er in" in page
    priorities = page.split("Voorgestelde prioriteiten")[1].split("</ul>")[0]
    assert "laagste mediaan (A1)" in priorities and "Maak hiervan een doel" in priorities
    assert f"/mijn-school/plannen/{plan.pk}/doelen/nieuw/?competentie=" in priorities


@pytest.mark.django_db
def test_a_goal_is_drafted_from_the_result(logged_in, closed_round, plan):
    page = logged_in.get(f"/mijn-school/plannen/{plan.pk}/doelen/nieuw/?competentie=6.4").content.decode()
    assert 'value="Het team groeit in' in page
    assert '<option value="B1" selected>' in page  # median A2, one level up
    assert "aandeel leraren op B1 of hoger voor 6.4" in page and "in de volgende teamronde" in page
    assert 'value="2027-08-31"' in page


def goal(**fields):
    base = {
        "title": "Digitale feedback in elke klas",
        "competences": ["4.3"],
        "indicator": "aandeel leraren dat wekelijks digitale feedback geeft",
        "target": "80%",
        "target_level": "B1",
        "owner": "ICT-coördinator",
        "deadline": dt.date(2027, 6, 30),
    }
    return Goal(**(base | fields))


def test_a_vague_goal_gets_a_hint_for_every_letter():
    hints = smart_hints(
        goal(title="ICT", competences=[], indicator="beter", target="veel", owner="iedereen"),
        "2026-2027",
        members=["directie@klimop.test"],
    )
    assert set(hints) == {"title", "competences", "indicator", "target", "owner"}
    assert "Specifiek" in hints["title"] and "‘beter’ noemt niets wat je kan tellen" in hints["indicator"]
    assert "‘veel’ is geen getal" in hints["target"] and "‘iedereen’ is geen lid of rol" in hints["owner"]


def test_a_target_far_above_the_team_median_is_not_realistic():
    hints = smart_hints(goal(target_level="C2"), "2026-2027", medians={"4.3": 0})
    assert (
        set(hints) == {"target_level"} and "meer dan twee niveaus boven de mediaan" in hints["target_level"]
    )
    assert smart_hints(goal(target_level="B1"), "2026-2027", medians={"4.3": 0}) == {}


def test_a_member_owner_and_a_deadline_in_the_year_pass():
    assert (
        smart_hints(goal(owner="directie@klimop.test"), "2026-2027", members=["Directie@klimop.test"]) == {}
    )
    assert "Tijdgebonden" in smart_hints(goal(deadline=dt.date(2027, 9, 1)), "2026-2027")["deadline"]


@pytest.mark.django_db
def test_the_hints_stand_next_to_the_fields_and_in_the_plan(logged_in, plan):
    vague = Goal.objects.create(plan=plan, title="ICT", indicator="beter", target="veel", owner="iedereen")
    form = logged_in.get(f"/mijn-school/plannen/{plan.pk}/doelen/{vague.pk}/").content.decode()
    assert 'id="smart-owner"' in form and 'id="smart-indicator"' in form
    assert form.index("id_owner") < form.index('id="smart-owner"')
    page = logged_in.get(f"/mijn-school/plannen/{plan.pk}/").content.decode()
    assert "‘iedereen’ is geen lid of rol van de school" in page


@pytest.mark.django_db
def test_offers_are_recommended_for_the_team_level_not_above_it(logged_in, closed_round, plan, monkeypatch):
    asked = []
    monkeypatch.setattr(
        "schools.views.recommend_for",
        lambda code, level: asked.append((code, level)) or recommend_for(code, level),
    )
    logged_in.get(f"/mijn-school/plannen/{plan.pk}/doelen/nieuw/?competentie=6.4")
    assert asked == [("6.4", 1)]  # the team median A2, so no B2–C2 offer for this team
