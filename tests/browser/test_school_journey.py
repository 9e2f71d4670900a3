"""The school director's whole journey in Chromium: sign up, verify, create the school, invite six
colleagues, open a team round (personal one-time links by e-mail), six anonymous answers through those
links, close the round, the team result with priorities, a plan with a goal drafted from the result,
vision and a goal with linked offers, activities (one by one and from a CSV with its preview), the
PDF report, the next school year. It runs against the
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

    for n in range(1, 7):
        page.fill("#id_email", f"collega{n}@klimop.test")
        page.select_option("#id_role", "bewerker" if n == 1 else "lezer")
        page.click("text=Uitnodiging versturen")
        assert f"Er is een uitnodiging verstuurd naar collega{n}@klimop.test" in page.content()
    assert "To: collega6@klimop.test" in server.mail_text()

    page.fill("#round-title", "Najaar 2026")
    page.click("text=Ronde openen")
    assert "Er zijn 7 persoonlijke links verstuurd" in page.content()
    problems += serious(axe, page)
    round_url = page.url
    links = list(dict.fromkeys(re.findall(r"https?://\S+/teamronde/[\w-]+/", server.mail_text())))
    assert len(links) == 7

    teacher = browser.new_context(locale="nl-BE").new_page()
    for n, link in enumerate(links[:6]):
        levels = dict.fromkeys(COMPETENCES, (0, 1, 2, 2, 3, 1)[n])
        levels["6.5"] = n % 6  # six different people, six different codes
        teacher.goto(link)
        teacher.fill("#id_code", codes.encode(levels))
        teacher.click("text=Anoniem insturen")
        assert "Bedankt" in teacher.content()
    problems += serious(axe, teacher)
    teacher.goto(links[0])
    assert "al gebruikt" in teacher.content()  # a personal link works once
    teacher.context.close()

    page.goto(round_url)
    assert "Antwoorden binnen: 6" in page.content() and "Mediaan" not in page.content()
    page.click("text=Ronde sluiten en het teamresultaat tonen")
    assert "Mediaan" in page.content() and "Voorgestelde prioriteiten" in page.content()
    problems += serious(axe, page)
    page.set_viewport_size({"width": 375, "height": 800})
    problems += serious(axe, page)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.click("nav.breadcrumbs >> text=Basisschool De Klimop")
    page.fill("#id_school_year", "2026-2027")
    page.click("text=Plan aanmaken")
    page.click("text=Maak hiervan een doel >> nth=0")
    assert "in de volgende teamronde" in page.input_value("#id_indicator")
    page.fill("#id_target", "70%")
    page.fill("#id_owner", "ICT-coördinator")
    problems += serious(axe, page)
    page.click("text=Doel bewaren")
    assert "Het doel is bewaard" in page.content()
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
    csv_text = "datum;titel;fiche;deelnemers;uren;doelen\n14/01/2027;Intervisie feedback;;6;1,5;Elke leraar geeft digitale feedback\n"
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
    from pypdf import PdfReader

    text = " ".join(" ".join(p.extract_text() for p in PdfReader(download.value.path()).pages).split())
    for section in ("1. Visie", "2. Doelen", "3. Gevolgde professionalisering", "4. Niveaus", "5. Volgende"):
        assert section in text
    assert "Najaar 2026" in text and "Studiedag feedback" in text
    page.set_viewport_size({"width": 375, "height": 800})
    problems += serious(axe, page)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.click("nav.breadcrumbs >> text=Basisschool De Klimop")
    page.click("text=Plan 2026-2027")
    page.click("text=Start het volgende schooljaar")
    problems += serious(axe, page)
    page.click("text=Plan 2027-2028 starten")
    assert "Nieuwe teamronde openen" in page.content()

    page.goto(f"{base}/mijn-school/mijn-resultaten/")
    page.fill("#id_code", codes.encode(dict.fromkeys(COMPETENCES, 2)))
    page.check("#id_consent")
    page.click("text=Resultaat bewaren")
    assert "Alleen jij ziet het" in page.content()
    problems += serious(axe, page)
    context.close()
    assert problems == []
