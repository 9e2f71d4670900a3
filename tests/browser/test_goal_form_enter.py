"""The goal form in Chromium: Enter in a goal field saves the goal, Enter in the offer search searches
(and keeps what was typed), as a user of any web form expects."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from schools.models import Goal, Plan, School
from tests import factories
from tests.schools.conftest import PASSWORD, make_account

pytestmark = pytest.mark.browser


@pytest.fixture
def plan_page(page, live_server, site_tree):
    school = School.objects.create(name="Basisschool De Klimop", network="go", levels=["lager"])
    director = make_account("directie@klimop.test", school)
    plan = Plan.objects.create(school=school, school_year="2026-2027")
    factories.action("Robotica in de klas")
    page.goto(f"{live_server.url}/account/login/")
    page.fill("input[name=login]", director.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url("**/mijn-school/**")
    page.goto(f"{live_server.url}/mijn-school/plannen/{plan.pk}/doelen/nieuw/")
    return page


def fill_goal(page):
    page.fill("#id_title", "Elke leraar programmeert een robot")
    page.check("input[name=competences][value='4.3']")
    page.fill("#id_indicator", "aandeel leraren")
    page.fill("#id_target", "80%")
    page.fill("#id_owner", "ICT-coördinator")
    page.fill("#id_deadline", "2027-05-31")


def test_enter_in_the_offer_search_searches_and_keeps_the_goal_as_typed(plan_page):
    fill_goal(plan_page)
    plan_page.fill("#zoek", "Robotica")
    plan_page.press("#zoek", "Enter")
    plan_page.wait_for_selector("label:has-text('Robotica in de klas')")
    assert plan_page.input_value("#id_title") == "Elke leraar programmeert een robot"
    assert not Goal.objects.exists()


def test_the_hidden_default_button_is_no_barrier(plan_page):
    violations = Axe().run(plan_page).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
    plan_page.keyboard.press("Tab")  # the hidden button is skipped by the keyboard
    assert plan_page.evaluate("document.activeElement.textContent") != "Bewaren met Enter"


def test_enter_in_a_goal_field_saves_the_goal(plan_page):
    fill_goal(plan_page)
    with plan_page.expect_navigation():
        plan_page.press("#id_target", "Enter")
    assert Goal.objects.get().title == "Elke leraar programmeert een robot"
