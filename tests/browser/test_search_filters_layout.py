"""The search page's filters in Chromium: on a phone a "Filters (n)" button above the results opens
them as a modal dialog (focus kept inside, Escape, a live result count); on a desktop a long facet
folds after six values behind "toon alle N". axe-core finds nothing serious at either width."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def portal(site_tree):
    from portal.taxonomy import DigCompEduCompetence
    from search.indexing import rebuild

    competences = list(DigCompEduCompetence.objects.order_by("code"))
    actor = factories.actor("CoderDojo Vlaanderen")
    titles = {
        "Digitale didactiek van A tot Z": 22,
        "Samen lesmateriaal maken": 3,
        "Mediawijsheid in de klas": 1,
    }
    for title, how_many in titles.items():
        factories.action(
            title, organisers=[actor], digcompedu_areas=(), digcompedu_competences=competences[:how_many]
        )
    rebuild()
    return {"competences": len(competences)}


def focus_in_dialog(page) -> bool:
    return page.evaluate("document.activeElement.closest('dialog[open]') !== null")


def serious(page) -> list[str]:
    violations = Axe().run(page).response["violations"]
    return [v["id"] for v in violations if v["impact"] in ("serious", "critical")]


def test_filters_on_a_phone_and_on_a_desktop(page, live_server, portal):
    # A phone: the button sits above the results and counts the ticked filter.
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url + "/zoeken/?type=actie")
    toggle = page.get_by_role("button", name="Filters (1)")
    assert toggle.bounding_box()["y"] < page.locator(".results").bounding_box()["y"]
    assert page.locator(".search-layout > .facets").is_hidden()

    toggle.click()
    dialog = page.get_by_role("dialog", name="Filters")
    assert dialog.is_visible() and focus_in_dialog(page)
    for _ in range(40):  # more stops than the dialog holds: Tab goes round inside it
        page.keyboard.press("Tab")
        assert focus_in_dialog(page)

    second = dialog.locator('.facet[data-facet="digcompedu"] input').nth(1)
    value = second.get_attribute("value")
    second.check()  # applied at once, the dialog stays open
    status = dialog.get_by_role("status")
    expect(status).to_have_text(re.compile("^2 resultaten"))
    assert page.locator(".results .hit").count() == 2
    assert page.evaluate("document.activeElement.value") == value  # focus stays on the box
    assert toggle.count() == 0 and page.get_by_role("button", name="Filters (2)").count() == 1
    assert "digcompedu=" in page.url
    assert serious(page) == []

    page.keyboard.press("Escape")
    assert dialog.is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('filters-toggle')")

    # A desktop: the facet column shows six competences and "toon alle 22".
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/zoeken/?type=actie")
    assert page.locator("button.filters-toggle").is_hidden()
    facet = page.locator('.facet[data-facet="digcompedu"]')
    more = facet.locator("summary")
    assert more.locator(".when-closed").inner_text() == f"toon alle {portal['competences']}"
    assert more.locator(".when-open").is_hidden()
    assert facet.locator("input:visible").count() == 6

    more.focus()
    page.keyboard.press("Enter")  # the summary is a button: the keyboard opens it
    assert facet.locator("input:visible").count() == portal["competences"]
    assert more.locator(".when-open").inner_text() == "toon minder"
    assert more.locator(".when-closed").is_hidden()
    assert serious(page) == []

    ninth = facet.locator("input").nth(8)
    value = ninth.get_attribute("value")
    ninth.click()  # ticks it and sends the form
    page.wait_for_url("**digcompedu=**")
    facet = page.locator('.facet[data-facet="digcompedu"]')
    assert facet.locator("details").get_attribute("open") is None
    assert facet.locator("input:visible").count() == 7
    assert facet.locator(f'input[value="{value}"]').is_visible()
    assert facet.locator(f'input[value="{value}"]').is_checked()
