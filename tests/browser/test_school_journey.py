"""The school director's whole journey in Chromium: sign up, verify, create the school, invite six
colleagues, open a team round (personal one-time links by e-mail), six anonymous answers through those
links, close the round, the team result with priorities, a plan with two goals drafted from the result
("Maak hiervan een doel"), one of them with a linked offer, vision and next steps, activities (one by
one and from a CSV with its preview), the PDF report (read back with pdftotext, section by section),
the next school year. It runs against the portal as `make run` serves it on a fresh SQLite database
(migrate, load_inventory, update_index, runserver), with the real inventory. Every page of the journey
passes axe-core (no serious or critical) at 375 px and at 1280 px: the same page, resized."""

import re
import shutil
import subprocess

import pytest
from axe_playwright_python.sync_playwright import Axe

from selfassessment import codes
from selfassessment.framework import COMPETENCES
from tests.browser.pages import html
from tests.browser.pages import serious as serious_at_this_width
from tests.servers import MakeRunServer

pytestmark = pytest.mark.browser
PASSWORD = "Een-sterk-wachtwoord-42"
WIDTHS = ((375, 800), (1280, 900))  # a phone, a laptop; the journey itself runs at 1280
SECTIONS = ("1. Visie", "2. Doelen", "3. Gevolgde professionalisering", "4. Niveaus", "5. Volgende stappen")


def serious(axe, page) -> list[str]:
    """axe-core's serious and critical violations of the page as it is, at both widths."""
    found = []
    for width, height in WIDTHS:
        page.set_viewport_size({"width": width, "height": height})
        found += [f"{width}px {problem}" for problem in serious_at_this_width(axe, page)]
    return found


def pdf_sections(path) -> dict[str, str]:
    """The PDF's text as pdftotext reads it, cut into the report's five numbered sections."""
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    starts = [text.index(title) for title in SECTIONS]  # in this order, each once
    assert starts == sorted(starts), starts
    ends = [*starts[1:], len(text)]
    return {"head": text[: starts[0]]} | {
        t: text[a:b] for t, a, b in zip(SECTIONS, starts, ends, strict=True)
    }


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = MakeRunServer(tmp_path_factory.mktemp("make-run"))
    yield server
    server.stop()


def test_a_director_goes_from_sign_up_to_the_pdf_report(browser, server, tmp_path):
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is needed; .ci/run installs it"
    axe, problems = Axe(), []
    context = browser.new_context(locale="nl-BE", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.set_viewport_size({"width": 1280, "height": 900})
    base = server.url

    # Sign up, verify, log in, create the school.
    page.goto(f"{base}/account/signup/")
    problems += serious(axe, page)
    page.fill("input[name=email]", "directie@klimop.test")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url("**/account/confirm-email/")
    problems += serious(axe, page)
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

    # Six colleagues invited; a round with a personal one-time link for each (and the director).
    for n in range(1, 7):
        page.fill("#id_email", f"collega{n}@klimop.test")
        page.select_option("#id_role", "bewerker" if n == 1 else "lezer")
        page.click("text=Uitnodiging versturen")
        assert f"Er is een uitnodiging verstuurd naar collega{n}@klimop.test" in html(page)
    assert "To: collega6@klimop.test" in server.mail_text()
    problems += serious(axe, page)

    page.fill("#round-title", "Najaar 2026")
    page.click("text=Ronde openen")
    assert "Er zijn 7 persoonlijke links verstuurd" in html(page)
    problems += serious(axe, page)
    round_url = page.url
    links = list(dict.fromkeys(re.findall(r"https?://\S+/teamronde/[\w-]+/", server.mail_text())))
    assert len(links) == 7

    teacher = browser.new_context(locale="nl-BE").new_page()
    for n, link in enumerate(links[:6]):
        levels = dict.fromkeys(COMPETENCES, (0, 1, 2, 2, 3, 1)[n])
        levels["6.5"] = n % 6  # six different people, six different codes
        teacher.goto(link)
        if n == 0:
            problems += serious(axe, teacher)
        teacher.fill("#id_code", codes.encode(levels))
        teacher.click("text=Anoniem insturen")
        assert "Bedankt" in html(teacher)
    problems += serious(axe, teacher)
    teacher.goto(links[0])
    assert "al gebruikt" in html(teacher)  # a personal link works once
    problems += serious(axe, teacher)
    teacher.context.close()

    # The round closed, its result with priorities.
    page.goto(round_url)
    assert "Antwoorden binnen: 6" in html(page) and "Mediaan" not in html(page)
    page.click("text=Ronde sluiten en het teamresultaat tonen")
    assert "Mediaan" in html(page) and "Voorgestelde prioriteiten" in html(page)
    problems += serious(axe, page)

    # A plan; two goals drafted from the result's priorities.
    page.click("nav.breadcrumbs >> text=Basisschool De Klimop")
    page.fill("#id_school_year", "2026-2027")
    page.click("text=Plan aanmaken")
    problems += serious(axe, page)
    assert page.locator("text=Maak hiervan een doel").count() >= 2
    titles = []
    for n in range(2):
        page.click(f"text=Maak hiervan een doel >> nth={n}")
        assert "in de volgende teamronde" in page.input_value("#id_indicator")
        assert page.input_value("#id_deadline") == "2027-08-31"  # the end of the school year
        assert page.locator("input[name=aanbod]:checked").count() == 0  # suggested, never ticked
        titles.append(page.input_value("#id_title"))
        page.fill("#id_target", "70%")
        page.fill("#id_owner", "ICT-coördinator")
        problems += serious(axe, page)
        if n == 1:
            page.fill("#id_evidence", "Klasbezoeken in mei tonen of het lukt.")
            page.fill("#zoek", "programmeren")
            page.click("button:has-text('Zoeken')")
            assert page.input_value("#id_title") == titles[1]  # kept as typed
            page.check("label:has-text('EU Code Week')")
            problems += serious(axe, page)
        page.click("text=Doel bewaren")
        assert "Het doel is bewaard" in html(page)
    assert titles[0] != titles[1]
    plan_page = html(page)
    assert all(title in plan_page for title in titles) and "EU Code Week" in plan_page
    assert "Klasbezoeken in mei" in plan_page
    page.fill("#id_vision", "Technologie helpt elke leerling op zijn tempo leren.")
    page.fill("#id_next_steps", "Een tweede studiedag over feedback in het voorjaar.")
    page.click("text=Visie bewaren")
    problems += serious(axe, page)

    # Activities: one by one, and from a CSV with its preview.
    page.click("text=Gevolgde professionalisering")
    page.fill("#id_date", "2026-11-05")
    page.fill("#id_title", "Studiedag feedback")
    page.check("input[name=goals] >> nth=0")
    page.fill("#id_participants", "18")
    page.fill("#id_hours", "3")
    page.click("button:has-text('Activiteit toevoegen')")
    problems += serious(axe, page)
    csv_text = (
        f"datum;titel;fiche;deelnemers;uren;doelen\n14/01/2027;Intervisie feedback;;6;1,5;{titles[1]}\n"
    )
    page.set_input_files("#bestand", {"name": "a.csv", "mimeType": "text/csv", "buffer": csv_text.encode()})
    page.click("text=CSV inlezen")
    assert "Er is nog niets bewaard" in html(page)
    problems += serious(axe, page)
    page.click("text=Deze activiteit bewaren")
    assert "Intervisie feedback" in html(page)

    # The report, and its PDF read back section by section.
    page.click("text=Terug naar het plan")
    page.click("text=Jaarverslag >> nth=0")
    problems += serious(axe, page)
    assert "Studiedag feedback" in html(page) and "Intervisie feedback" in html(page)
    with page.expect_download() as download:
        page.click("text=PDF")
    assert download.value.suggested_filename.endswith(".pdf")
    pdf = tmp_path / "jaarverslag.pdf"
    download.value.save_as(pdf)
    text = pdf_sections(pdf)
    assert "Basisschool De Klimop" in text["head"] and "2026-2027" in text["head"]
    assert "elke leerling op zijn tempo" in text["1. Visie"]
    assert all(title in text["2. Doelen"] for title in titles) and "EU Code Week" in text["2. Doelen"]
    assert "Studiedag feedback" in text["2. Doelen"] and "Intervisie feedback" in text["2. Doelen"]
    assert "2 activiteiten, 24 deelnames" in text["3. Gevolgde professionalisering"]
    assert "Najaar 2026" in text["4. Niveaus"] and "6 antwoorden" in text["4. Niveaus"]
    assert "tweede studiedag" in text["5. Volgende stappen"]

    # The next school year: the goals chosen, history kept, a new round proposed.
    page.click("nav.breadcrumbs >> text=Basisschool De Klimop")
    page.click("text=Plan 2026-2027")
    page.click("text=Start het volgende schooljaar")
    problems += serious(axe, page)
    page.get_by_label(titles[0]).uncheck()
    page.click("text=Plan 2027-2028 starten")
    next_plan = html(page)
    assert "Nieuwe teamronde openen" in next_plan
    assert titles[1] in next_plan and titles[0] not in next_plan
    problems += serious(axe, page)

    page.goto(f"{base}/mijn-school/mijn-resultaten/")
    problems += serious(axe, page)
    page.fill("#id_code", codes.encode(dict.fromkeys(COMPETENCES, 2)))
    page.check("#id_consent")
    page.click("text=Resultaat bewaren")
    assert "Alleen jij ziet het" in html(page)
    problems += serious(axe, page)
    context.close()
    assert problems == []
