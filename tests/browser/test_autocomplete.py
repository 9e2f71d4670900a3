"""The search box's autocomplete in Chromium: an ARIA 1.2 combobox a keyboard and a screen reader
can use (role, expanded state, active descendant, a status message), with no serious axe findings."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def portal(site_tree):
    from search.indexing import rebuild

    actor = factories.actor("CoderDojo Vlaanderen")
    action = factories.action("Scratch voor beginners", organisers=[actor])
    action.description = "Leerlingen leren programmeren met blokjes."
    action.save_revision().publish()
    factories.action("Mediawijsheid in de klas", organisers=[actor])
    rebuild()
    return {"action": action}


def test_the_combobox_works_with_the_keyboard(page, live_server, portal):
    page.goto(live_server.url + "/zoeken/")
    box = page.get_by_role("combobox", name="Zoek in het portaal")
    assert box.get_attribute("aria-expanded") == "false"
    box.press_sequentially("scra")
    listbox = page.get_by_role("listbox", name="Suggesties")
    listbox.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == "zoeksuggesties"
    options = page.get_by_role("option")
    assert "Scratch voor beginners" in options.first.inner_text()
    assert "Aanbod" in options.first.inner_text()  # each suggestion says its kind
    assert "suggestie" in page.get_by_role("status").inner_text()

    box.press("ArrowDown")
    first = options.first
    assert first.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert page.evaluate("document.activeElement.id") == "zoekterm"  # focus stays in the box

    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false" and listbox.is_hidden()

    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url("**" + portal["action"].url)


def test_a_word_from_a_description_is_suggested_with_a_typo(page, live_server, portal):
    page.goto(live_server.url + "/zoeken/")
    box = page.get_by_role("combobox", name="Zoek in het portaal")
    box.press_sequentially("porgr")  # a typo, from four letters on
    page.get_by_role("option", name="programmeren · Zoekterm").wait_for()
    axe = Axe()
    violations = axe.run(page).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
