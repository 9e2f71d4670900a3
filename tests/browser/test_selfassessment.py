"""The self-assessment in Chromium: all 22 questions with the mouse and with the keyboard only, the
chart, following a recommendation, axe-core on every page, and the pages without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The answer (0..5 = A1..C2) for every competence: 2.1 lowest, so its offers are recommended.
ANSWERS = {"2.1": 0, "4.2": 1, "6.5": 1}


@pytest.fixture
def instrument(self_assessment_questions):
    from actors.models import ActionPage
    from search.indexing import rebuild

    offers = [factories.action(f"Bronnen selecteren {n}") for n in range(2)]
    # The factory's dates lie in the past (afgelopen, never recommended): make them self-paced offers.
    ActionPage.objects.filter(pk__in=[offer.pk for offer in offers]).update(self_paced=True)
    rebuild()
    return offers


def answer(code: str) -> int:
    return ANSWERS.get(code, 3)


def codes_on(tab) -> list[str]:
    return tab.eval_on_selector_all("fieldset.question", "nodes => nodes.map(n => n.id.slice(6))")


def test_answer_all_22_see_the_chart_and_follow_a_recommendation(page, live_server, instrument):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Test je niveau").click()
    page.get_by_role("link", name="Begin de zelfevaluatie").click()
    answered = 0
    for step in range(1, 7):
        assert page.locator("#voortgang-label").inner_text().lower() == f"stap {step} van 6"
        for code in codes_on(page):
            page.locator(f'[id="a-{code}-{answer(code)}"]').check()
            answered += 1
        page.get_by_role("button", name="Toon mijn resultaat" if step == 6 else "Volgende").click()
    assert answered == 22
    page.wait_for_url("**/zelfevaluatie/resultaat/*/")
    assert page.locator("svg.radar").count() == 2 and page.locator("svg.radar").first.is_visible()
    assert page.locator("svg.radar polygon.radar-now").count() == 2  # per area and per competence
    assert page.get_by_role("table").locator("caption").inner_text().startswith("Je niveau per domein")
    section = page.locator("#aanbod-2\\.1")
    assert "omdat je op 2.1 Selecteren A1 scoort; dit aanbod richt zich op A2" in section.inner_text()
    section.get_by_role("link", name="Bronnen selecteren 1").click()
    page.wait_for_url("**" + instrument[1].url)
    assert page.get_by_role("heading", level=1).inner_text() == "Bronnen selecteren 1"


def tab_until(tab, predicate: str, limit: int = 60) -> None:
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if tab.evaluate(f"(() => {{ const el = document.activeElement; return {predicate}; }})()"):
            return
    raise AssertionError(f"never reached: {predicate}")


def test_keyboard_only(page, live_server, instrument):
    page.goto(live_server.url + "/zelfevaluatie/")
    tab_until(page, "el.textContent === 'Begin de zelfevaluatie'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zelfevaluatie/vragen/")
    for step in range(1, 7):
        for code in codes_on(page):
            tab_until(page, f"el.name === 'a-{code}'")
            page.keyboard.press("Space")  # selects the first option (A1)
            for _ in range(answer(code)):
                page.keyboard.press("ArrowDown")  # moves to and selects the next option
            if code == "4.2":
                page.keyboard.press("Tab")
                page.keyboard.press("Space")  # "Hier wil ik eerst aan werken"
        label = "Toon mijn resultaat" if step == 6 else "Volgende"
        tab_until(page, f"el.textContent === '{label}'")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    page.wait_for_url("**/zelfevaluatie/resultaat/*/")
    assert page.locator("table.levels-table").is_visible()
    text = page.locator("table.levels-table").inner_text()
    assert "2.1 Selecteren" in text and "A1" in text
    assert "4.2 Analyseren van leerbewijzen" in page.locator("ol.priorities").inner_text()
    tab_until(page, "el.textContent === 'Bronnen selecteren 0' || el.textContent === 'Bronnen selecteren 1'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/aanbod/**")


def test_no_serious_accessibility_violations(browser, live_server, instrument):
    from selfassessment import codes

    now = codes.encode({"2.1": 0, "3.2": 2, "1.1": 4}, {"3.2"})
    before = codes.encode({"2.1": 0, "3.2": 1})
    pages = {
        "start": "/zelfevaluatie/",
        "stap": "/zelfevaluatie/vragen/",
        "kortweg": "/zelfevaluatie/ik-heb-een-resultaat/",
        "resultaat": f"/zelfevaluatie/resultaat/{now}/",
        "vergelijk": f"/zelfevaluatie/resultaat/{now}/?vorige={before}",
        "foute-code": "/zelfevaluatie/resultaat/ONZIN/",
    }
    axe = Axe()
    problems = {}
    for width in (375, 1280):
        context = browser.new_context(locale="nl-BE", viewport={"width": width, "height": 900})
        tab = context.new_page()
        for name, path in pages.items():
            tab.goto(live_server.url + path)
            serious = [
                v["id"] for v in axe.run(tab).response["violations"] if v["impact"] in ("serious", "critical")
            ]
            if serious:
                problems[f"{name}@{width}"] = serious
            if width < 400:
                overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                assert overflow <= 1, f"{name} scrolls sideways at 375 px by {overflow}px"
        # a step with the error message
        tab.goto(live_server.url + "/zelfevaluatie/vragen/")
        tab.get_by_role("button", name="Volgende").click()
        assert tab.get_by_role("alert").is_visible()
        serious = [
            v["id"] for v in axe.run(tab).response["violations"] if v["impact"] in ("serious", "critical")
        ]
        if serious:
            problems[f"fout@{width}"] = serious
        context.close()
    assert problems == {}


def test_without_javascript(browser, live_server, instrument):
    context = browser.new_context(locale="nl-BE", java_script_enabled=False)
    tab = context.new_page()
    tab.goto(live_server.url + "/zelfevaluatie/vragen/")
    for code in codes_on(tab):
        tab.locator(f'[id="a-{code}-2"]').check()
    tab.get_by_role("button", name="Volgende").click()
    assert tab.locator("#voortgang-label").inner_text().lower() == "stap 2 van 6"
    tab.get_by_role("button", name="Vorige").click()
    assert tab.locator("#a-1\\.1-2").is_checked()  # the answers travel with the form
    tab.goto(live_server.url + "/zelfevaluatie/ik-heb-een-resultaat/")
    tab.get_by_label("Niveau voor het hele domein").first.select_option("B1")
    tab.locator("#n-2").select_option("A1")
    tab.get_by_role("button", name="Toon het aanbod voor mij").click()
    tab.wait_for_url("**/zelfevaluatie/resultaat/*/")
    assert tab.locator("svg.radar").first.is_visible()
    assert tab.get_by_role("link", name="Bronnen selecteren 0").first.is_visible()
    context.close()
