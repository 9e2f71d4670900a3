"""The school director's whole journey in Chromium: sign up, verify, create the school, invite a
colleague, open a team round, five anonymous answers, the team profile, vision and a goal, an
activity, the PDF report. Every page of the journey passes axe-core (no serious or critical)."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail

from selfassessment import codes
from selfassessment.framework import COMPETENCES

pytestmark = pytest.mark.browser
PASSWORD = "Een-sterk-wachtwoord-42"


def serious(axe, page) -> list[str]:
    violations = axe.run(page).response["violations"]
    return [f"{page.url}: {v['id']}" for v in violations if v["impact"] in ("serious", "critical")]


def test_a_director_goes_from_sign_up_to_the_pdf_report(browser, live_server, site_tree):
    axe, problems = Axe(), []
    context = browser.new_context(locale="nl-BE", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    base = live_server.url

    page.goto(f"{base}/account/signup/")
    problems += serious(axe, page)
    page.fill("input[name=email]", "directie@klimop.test")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.click("form button[type=submit]")
    link = re.search(r"https?://\S+/account/confirm-email/\S+", mail.outbox[-1].body)[0]
    page.goto(link)
    problems += serious(axe, page)
    page.click("form button[type=submit]")

    page.goto(f"{base}/account/login/")
    problems += serious(axe, page)
    page.fill("input[name=login]", "directie@klimop.test")
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.goto(f"{base}/mijn-school/")
    problems += serious(axe, page)
    page.fill("#id_name", "Basisschool De Klimop")
    page.select_option("#id_network", "go")
    page.check("input[name=levels][value=lager]")
    page.click("text=School aanmaken")
    problems += serious(axe, page)

    page.fill("#id_email", "collega@klimop.test")
    page.select_option("#id_role", "bewerker")
    page.click("text=Uitnodiging versturen")
    assert "collega@klimop.test" in mail.outbox[-1].to

    page.fill("#round-title", "Najaar 2026")
    page.click("text=Ronde openen")
    problems += serious(axe, page)
    round_url = page.url
    team_link = page.input_value("#round-link")
    assert "te weinig antwoorden" in page.content()

    teacher = browser.new_context(locale="nl-BE").new_page()
    for level in (0, 1, 2, 2, 3):
        teacher.goto(team_link)
        teacher.fill("#id_code", codes.encode(dict.fromkeys(COMPETENCES, level)))
        teacher.click("text=Anoniem insturen")
        assert "Bedankt" in teacher.content()
    problems += serious(axe, teacher)
    teacher.context.close()

    page.goto(round_url)
    assert "Mediaan" in page.content()
    problems += serious(axe, page)

    page.click("text=Basisschool De Klimop")
    page.fill("#id_school_year", "2026-2027")
    page.click("text=Plan aanmaken")
    page.fill("#id_vision", "Technologie helpt elke leerling op zijn tempo leren.")
    page.click("text=Visie bewaren")
    problems += serious(axe, page)
    page.click("text=Een doel toevoegen")
    page.fill("#id_title", "Elke leraar geeft digitale feedback")
    page.check("input[name=competences][value='4.3']")
    page.fill("#id_indicator", "aandeel leraren dat het wekelijks doet")
    page.fill("#id_target", "80%")
    page.fill("#id_owner", "ICT-coördinator")
    page.fill("#id_deadline", "2027-05-31")
    problems += serious(axe, page)
    page.click("text=Doel bewaren")
    assert "Elke leraar geeft digitale feedback" in page.content()

    page.click("text=Gevolgde professionalisering")
    page.fill("#id_date", "2026-11-05")
    page.fill("#id_title", "Studiedag feedback")
    page.check("input[name=goals]")
    page.fill("#id_participants", "18")
    page.fill("#id_hours", "3")
    page.click("button:has-text('Activiteit toevoegen')")
    problems += serious(axe, page)
    page.click("text=Terug naar het plan")
    page.click("text=Jaarverslag >> nth=0")
    problems += serious(axe, page)
    assert "Studiedag feedback" in page.content()
    with page.expect_download() as download:
        page.click("text=PDF")
    assert download.value.suggested_filename.endswith(".pdf")
    context.close()
    assert problems == []
