"""Linking the portal's offers to a goal: a search inside the form that works without JavaScript,
recommended offers pre-ticked for a new goal, and no trace in the public search statistics."""

import pytest
from wagtail.contrib.search_promotions.models import Query

from editorial.models import ZeroResultQuery
from schools.models import Goal
from tests import factories

from .test_plans import goal_data


@pytest.fixture
def offers(site_tree):
    actor = factories.actor("Actor Schoolplan", group=factories.partner_group("Groep Schoolplan"))
    return {
        "robot": factories.action("Robotica in de klas", organisers=[actor]),
        "feedback": factories.action("Feedback geven met quizzen", organisers=[actor]),
    }


@pytest.mark.django_db
def test_the_search_button_brings_the_form_back_as_typed_with_offers_to_tick(logged_in, plan, offers):
    typed = goal_data(title="Robotica voor elke klas", zoek="Robotica", deadline="2027-05-31")
    response = logged_in.get(f"/mijn-school/plannen/{plan.pk}/doelen/nieuw/", typed)
    body = response.content.decode()
    assert response.status_code == 200 and not Goal.objects.exists()
    assert 'value="Robotica voor elke klas"' in body and 'value="2027-05-31"' in body
    robot = offers["robot"].pk
    assert f'name="aanbod" value="{robot}" id="zoek-{robot}"' in body
    logged_in.post(f"/mijn-school/plannen/{plan.pk}/doelen/nieuw/", goal_data(aanbod=[str(robot)]))
    assert Goal.objects.get().offers == [robot]


@pytest.mark.django_db
def test_the_search_is_not_counted_in_the_search_statistics(logged_in, plan, offers):
    for text in ("Robotica", "woordzonderresultaat"):
        logged_in.get(f"/mijn-school/plannen/{plan.pk}/doelen/nieuw/", {"zoek": text})
    assert not Query.objects.exists() and not ZeroResultQuery.objects.exists()


@pytest.mark.django_db
def test_nothing_found_says_so(logged_in, plan, offers):
    response = logged_in.get(f"/mijn-school/plannen/{plan.pk}/doelen/nieuw/", {"zoek": "xyzzy"})
    assert "Geen (ander) aanbod gevonden voor ‘xyzzy’" in response.content.decode()


@pytest.mark.django_db
def test_unticking_a_linked_offer_unlinks_it(logged_in, plan, offers):
    robot, feedback = offers["robot"].pk, offers["feedback"].pk
    goal = Goal.objects.create(plan=plan, title="Doel", offers=[robot, feedback])
    url = f"/mijn-school/plannen/{plan.pk}/doelen/{goal.pk}/"
    body = logged_in.get(url).content.decode()
    assert f'value="{robot}" id="gekoppeld-{robot}" checked' in body
    logged_in.post(url, goal_data(competences=[], aanbod=[str(feedback)]))
    goal.refresh_from_db()
    assert goal.offers == [feedback]


@pytest.mark.django_db
def test_recommended_offers_are_suggested_but_not_ticked_for_a_new_goal(logged_in, plan, monkeypatch):
    from selfassessment.recommendations import Offer, Recommendation

    offer = Offer(7, "Aanbevolen webinar", "/f/7/", ("B1",), (), (), None, "doorlopend", True, True, False)
    rec = Recommendation("4.3", "4.3 Feedback", 0, 1, "", (offer,), "/zoeken/")
    monkeypatch.setattr("schools.views.recommend_for", lambda code, level: rec)
    body = logged_in.get(f"/mijn-school/plannen/{plan.pk}/doelen/nieuw/?competentie=4.3").content.decode()
    assert 'value="7" id="rec-4.3-7">' in body and "Aanbevolen webinar" in body  # suggested, nobody chose it
