"""A visitor opens the home page and a fiche in a real Chromium."""

import pytest

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def fiches(site_tree):
    group = factories.partner_group("Pedagogische begeleiding")
    actor = factories.actor("Mediawijs kenniscentrum", group=group)
    action = factories.action("Mediacoach worden", organisers=[actor])
    return {"group": group, "actor": actor, "action": action}


def test_home_page_leads_to_the_sections(page, live_server, fiches):
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "nl-BE"
    assert page.get_by_role("heading", level=1).inner_text() == "Leerkr@cht.net"
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Aanbod").click()
    page.wait_for_url("**/aanbod/")
    assert page.get_by_role("link", name="Mediacoach worden").is_visible()


def test_a_fiche_shows_its_parts_and_links_to_its_organiser(page, live_server, fiches):
    page.goto(live_server.url + fiches["action"].url)
    assert page.get_by_role("heading", level=1).inner_text() == "Mediacoach worden"
    assert page.get_by_text("Bron: Analyserapport Leerkr@cht.net, fiche B.6.14").is_visible()
    page.get_by_role("link", name="Mediawijs kenniscentrum").click()
    page.wait_for_url("**" + fiches["actor"].url)
    assert page.get_by_role("heading", level=1).inner_text() == "Mediawijs kenniscentrum"


def test_a_link_can_point_at_one_swot_quadrant(page, live_server, fiches):
    page.goto(live_server.url + fiches["group"].url + "#kansen")
    quadrant = page.locator("#kansen")
    assert quadrant.get_by_role("heading").inner_text() == "Kansen"
    assert quadrant.is_visible()
    assert page.evaluate("window.scrollY") > 0  # the browser scrolled to the quadrant


def test_the_skip_link_is_the_first_stop_for_the_keyboard(page, live_server, fiches):
    page.goto(live_server.url + fiches["actor"].url)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Naar de inhoud"
