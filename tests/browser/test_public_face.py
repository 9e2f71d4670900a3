"""A teacher's journey and an accessibility audit (axe-core) of every public page type, in Chromium.

Screenshots at 375 and 1280 px are written to var/screenshots/ for a reviewer to look at.
"""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


@pytest.fixture
def portal(site_tree):
    from search.indexing import rebuild

    group = factories.partner_group("Codeerscholen en STEM-academies")
    actor = factories.actor("CoderDojo Vlaanderen", group=group)
    action = factories.action("Programmeren met Scratch", organisers=[actor])
    other = factories.action("Mediawijsheid in de klas", organisers=[actor])
    practice = factories.good_practice("Traject voor mediacoaches", actors=[actor], actions=[other])
    _add_session(action)
    rebuild()
    return {"group": group, "actor": actor, "action": action, "practice": practice}


def _add_session(action):
    import datetime

    from django.utils import timezone

    from actors.models import ActionSession

    start = timezone.now() + datetime.timedelta(days=9)
    action.sessions = [
        ActionSession(start=start, end=start + datetime.timedelta(hours=2), location="Gent", seats=20)
    ]
    action.save_revision().publish()


def test_a_teachers_journey(page, live_server, portal):
    page.goto(live_server.url + "/")
    page.get_by_label("Zoek een opleiding, initiatief of organisatie").fill("programmeren")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**/zoeken/?q=programmeren")
    assert (
        "resultaten" in page.locator("#resultaten-titel").inner_text()
        or "resultaat" in page.locator("#resultaten-titel").inner_text()
    )
    page.get_by_role("checkbox", name="Aanbod").check()  # submits at once (small script)
    page.wait_for_url("**type=actie**")
    assert page.get_by_role("link", name="Filter Soort: Aanbod verwijderen").is_visible()
    page.get_by_role("link", name="Programmeren met Scratch").click()
    page.wait_for_url("**" + portal["action"].url)
    page.get_by_role("link", name="CoderDojo Vlaanderen").click()
    page.wait_for_url("**" + portal["actor"].url)
    assert page.get_by_role("heading", level=1).inner_text() == "CoderDojo Vlaanderen"


def public_pages(portal) -> dict[str, str]:
    return {
        "home": "/",
        "zoeken": "/zoeken/?q=programmeren",
        "aanbod": "/aanbod/",
        "landschap": "/landschap/",
        "landschap-swot": "/landschap/swot/",
        "actor": portal["actor"].url,
        "actie": portal["action"].url,
        "goodpractice": portal["practice"].url,
        "partnergroep": portal["group"].url,
        "digcompedu": "/digcompedu/6/",
        "pijler": "/pijlers/aanbod/",
        "agenda": "/agenda/",
        "over": "/over/",
        "contact": "/contact/",
        "privacy": "/privacy/",
        "toegankelijkheid": "/toegankelijkheid/",
        "aanbod-aanmelden": "/aanbod/aanmelden/",
        "melden": f"/melden/{portal['action'].pk}/",
        "bedankt": "/melden/bedankt/",
    }


def test_no_serious_accessibility_violations_and_screenshots(browser, live_server, portal):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    axe = Axe()
    problems = {}
    for width in (320, 375, 1280):
        context = browser.new_context(locale="nl-BE", viewport={"width": width, "height": 900})
        tab = context.new_page()
        for name, path in public_pages(portal).items():
            tab.goto(live_server.url + path)
            if width != 320:
                tab.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
            if width == 1280 or name in {"home", "landschap", "zoeken"}:
                violations = axe.run(tab).response["violations"]
                serious = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
                if serious:
                    problems[f"{name}@{width}"] = serious
            # no horizontal scrolling of the page itself at phone widths
            if width < 400:
                overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                assert overflow <= 1, f"{name} scrolls sideways at 375 px by {overflow}px"
        context.close()
    assert problems == {}


def test_the_search_page_works_without_javascript(browser, live_server, portal):
    context = browser.new_context(locale="nl-BE", java_script_enabled=False)
    tab = context.new_page()
    tab.goto(live_server.url + "/zoeken/?q=programmeren")
    tab.get_by_role("checkbox", name="Aanbod").check()
    tab.get_by_role("button", name="Filters toepassen").click()
    tab.wait_for_url("**type=actie**")
    assert tab.get_by_role("link", name="Programmeren met Scratch").is_visible()
    context.close()


def test_a_pbd_site_embeds_a_search_with_one_iframe(page, live_server, portal):
    snippet = f'<iframe src="{live_server.url}/embed/?q=programmeren" title="Leerkr@cht.net" width="600" height="400"></iframe>'
    page.set_content(f"<!DOCTYPE html><html lang='nl'><body><h1>Onze school</h1>{snippet}</body></html>")
    frame = page.frame_locator("iframe")
    link = frame.get_by_role("link", name="Programmeren met Scratch")
    link.wait_for()
    assert link.get_attribute("target") == "_blank"
    assert link.get_attribute("href").startswith(live_server.url)


def test_the_copy_link_button_copies_the_short_link(browser, live_server, portal):
    context = browser.new_context(locale="nl-BE")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    tab = context.new_page()
    tab.goto(live_server.url + portal["action"].url)
    tab.get_by_role("button", name="Kopieer link").click()
    copied = tab.evaluate("navigator.clipboard.readText()")
    assert copied.endswith(f"/f/{portal['action'].pk}/")
    context.close()
