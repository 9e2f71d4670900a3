"""The school director's whole journey in Chromium: sign up, verify, create the school, invite a
colleague, open a team round, five anonymous answers, the team profile, vision and a goal with linked
offers, activities (one by one and from a CSV with its preview), the PDF report. It runs against the
portal as `make run` serves it on a fresh SQLite database (migrate, load_inventory, update_index,
runserver), with the real inventory. Every page of the journey passes axe-core (no serious or
critical)."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from selfassessment import codes
from selfassessment.framework import COMPETENCES
from tests.servers import MakeRunServer

pytestmark = pytest.mark.browser
PASSWORD = "Een-sterk-wachtwoord-42"


def serious(axe, page) -> list[str]:
    violations = axe.run(page).response["violations"]
    return [f"{page.url}: {v['id']}" for v in violations if v["impact"] in ("serious", "critical")]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = MakeRunServer(tmp_path_factory.mktemp("make-run"))
    yield server
    server.stop()


def test_a_director_goes_from_sign_up_to_the_pdf_report(browser, server):
    axe, problems = Axe(), []
    context = browser.new_context(locale="nl-BE", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    base = server.url

    page.goto(f"{base}/account/signup/")
    problems += serious(axe, page)
    page.fill("input[name=email]", "directie@klimop.test")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url("**/account/confirm-email/")
    link = re.findall(r"https?://\S+/account/confirm-email/\S+", server.mail_text())[-1]
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
    assert "Er is een uitnodiging verstuurd naar collega@klimop.test" in page.content()
    assert "To: collega@klimop.test" in server.mail_text()

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
    page.fill("#id_evidence", "Klasbezoeken in mei tonen of het lukt.")
    problems += serious(axe, page)
    page.fill("#zoek", "programmeren")
    page.click("button:has-text('Zoeken')")
    assert page.input_value("#id_title") == "Elke leraar geeft digitale feedback"  # kept as typed
    page.check("label:has-text('EU Code Week')")
    problems += serious(axe, page)
    page.click("text=Doel bewaren")
    plan_page = page.content()
    assert "Elke leraar geeft digitale feedback" in plan_page and "EU Code Week" in plan_page
    assert "Klasbezoeken in mei" in plan_page

    page.click("text=Gevolgde professionalisering")
    page.fill("#id_date", "2026-11-05")
    page.fill("#id_title", "Studiedag feedback")
    page.check("input[name=goals]")
    page.fill("#id_participants", "18")
    page.fill("#id_hours", "3")
    page.click("button:has-text('Activiteit toevoegen')")
    problems += serious(axe, page)
    csv_text = "datum;titel;fiche;deelnemers;uren;doelen\n2027-01-14;Intervisie feedback;;6;1,5;Elke leraar geeft digitale feedback\n"
    page.set_input_files("#bestand", {"name": "a.csv", "mimeType": "text/csv", "buffer": csv_text.encode()})
    page.click("text=CSV inlezen")
    assert "Er is nog niets bewaard" in page.content()
    problems += serious(axe, page)
    page.click("text=Deze activiteit bewaren")
    assert "Intervisie feedback" in page.content()
    page.click("text=Terug naar het plan")
    page.click("text=Jaarverslag >> nth=0")
    problems += serious(axe, page)
    assert "Studiedag feedback" in page.content() and "Intervisie feedback" in page.content()
    with page.expect_download() as download:
        page.click("text=PDF")
    assert download.value.suggested_filename.endswith(".pdf")

    page.goto(f"{base}/mijn-school/mijn-resultaten/")
    page.fill("#id_code", codes.encode(dict.fromkeys(COMPETENCES, 2)))
    page.check("#id_consent")
    page.click("text=Resultaat bewaren")
    assert "Alleen jij ziet het" in page.content()
    problems += serious(axe, page)
    context.close()
    assert problems == []
