"""A teacher's leerpad in Chromium: sign up, take the self-assessment and keep the result, save two
offers, follow one and read the personal calendar feed back with icalendar, log a training with a
certificate, share it with the school; the director sees it in the activities and the report; the
teacher unshares, shares again and deletes the account, and nothing is left. axe-core (no serious or
critical) at 375 and 1280 px."""

import datetime as dt
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import User
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from actors.session import ActionSession
from leerpad.models import CalendarFeed, LoggedTraining, SavedOffer
from leerpad.views import school_year_of
from schools.models import BEHEERDER, LEZER, Activity, Membership, PersonalResult, Plan, School
from selfassessment import codes
from selfassessment.framework import COMPETENCES
from tests.browser.pages import html, serious
from tests.schools.conftest import make_account
from tests.selfassessment.conftest import offer  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Een-sterk-wachtwoord-42"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_teacher_keeps_logs_shares_and_wipes_their_leerpad(
    browser,
    live_server,
    site_tree,
    self_assessment_questions,
    offer,  # noqa: F811
    settings,
    tmp_path,
):
    settings.LEERPAD_EVIDENCE_ROOT = tmp_path / "bewijs"
    course = offer("Programmeren in de klas", competences=["2.1"], levels=["A2"])
    ActionSession.objects.create(action=course, start=timezone.now() + dt.timedelta(days=14), location="Gent")
    second = offer("Mediawijs lesgeven", competences=["6.1"], levels=["B1"])
    day = timezone.localdate() - dt.timedelta(days=3)
    school = School.objects.create(name="Basisschool De Klimop", network="go")
    plan = Plan.objects.create(school=school, school_year=school_year_of(day))
    director = make_account("directie@klimop.test", school, role=BEHEERDER)
    assert director.pk

    axe, problems = Axe(), []
    base = live_server.url
    context = browser.new_context(
        locale="nl-BE", viewport={"width": 375, "height": 800}, accept_downloads=True
    )
    tab = context.new_page()
    tab.set_default_timeout(20_000)

    tab.goto(f"{base}/account/signup/")
    tab.fill("input[name=email]", "juf@klimop.test")
    tab.fill("input[name=password1]", PASSWORD)
    tab.fill("input[name=password2]", PASSWORD)
    tab.click("form button[type=submit]")
    tab.wait_for_url("**/account/confirm-email/")
    tab.goto(re.findall(r"https?://\S+/account/confirm-email/\S+", mail.outbox[-1].body)[-1])
    tab.click("form button[type=submit]")
    tab.goto(f"{base}/account/login/")
    tab.fill("input[name=login]", "juf@klimop.test")
    tab.fill("input[name=password]", PASSWORD)
    tab.click("form button[type=submit]")
    teacher = User.objects.get(email="juf@klimop.test")
    Membership.objects.create(school=school, user=teacher, role=LEZER)

    # take the self-assessment (A1 in 2.1: the course is at the next level) and keep the result
    tab.goto(f"{base}/zelfevaluatie/")
    tab.get_by_role("link", name="Begin de zelfevaluatie").click()
    for step in range(1, 7):
        for competence in tab.eval_on_selector_all(
            "fieldset.question", "nodes => nodes.map(n => n.id.slice(6))"
        ):
            tab.locator(f'[id="a-{competence}-{0 if competence == "2.1" else 2}"]').check()
        tab.get_by_role("button", name="Toon mijn resultaat" if step == 6 else "Volgende").click()
    tab.wait_for_url("**/zelfevaluatie/resultaat/*/")
    code = tab.inner_text("code.result-code").strip()
    assert code == codes.encode(dict.fromkeys(COMPETENCES, 2) | {"2.1": 0})
    tab.goto(f"{base}/mijn-school/mijn-resultaten/")
    tab.fill("#id_code", code)
    tab.check("#id_consent")
    tab.click("text=Resultaat bewaren")

    # "Past dit bij mij?" uses it; save and follow the course, save the second offer
    tab.goto(base + course.url)
    tab.click("text=Past dit bij mij?")
    assert "Dit past bij je" in html(tab)
    tab.goto(base + course.url)
    tab.click("button:has-text('Bewaar en volg')")
    tab.wait_for_url("**/mijn-leerpad/**")
    tab.goto(base + second.url)
    tab.click("button:has-text('Bewaar') >> nth=0")
    tab.wait_for_url("**/mijn-leerpad/**")
    tab.click("text=Maak mijn agendalink")
    feed_url = tab.input_value("#agendalink")
    events = Calendar.from_ical(tab.request.get(feed_url).body()).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Programmeren in de klas"]
    problems += serious(axe, tab)

    # log a training with a certificate and share it with the school, without my name
    tab.click("text=Een gevolgde vorming toevoegen")
    tab.fill("#id_title", "Studiedag programmeren")
    tab.fill("#id_date", day.isoformat())
    tab.fill("#id_hours", "3")
    tab.fill("#id_summary", "Ik laat de leerlingen een spel programmeren.")
    tab.set_input_files("#id_evidence", {"name": "attest.pdf", "mimeType": "application/pdf", "buffer": PDF})
    problems += serious(axe, tab)
    tab.click("form button:has-text('Bewaren')")
    tab.wait_for_url("**/mijn-leerpad/**")
    with tab.expect_download() as download:
        tab.click("text=Bewijsstuk downloaden")
    assert download.value.suggested_filename.endswith(".pdf")
    tab.click("article.training button:has-text('Delen')")
    assert "staat nu bij de activiteiten van Basisschool De Klimop" in html(tab)
    problems += serious(axe, tab)

    boss = browser.new_context(locale="nl-BE", viewport={"width": 1280, "height": 900}).new_page()
    boss.goto(f"{base}/account/login/")
    boss.fill("input[name=login]", "directie@klimop.test")
    boss.fill("input[name=password]", PASSWORD)
    boss.click("form button[type=submit]")
    boss.goto(f"{base}/mijn-school/plannen/{plan.pk}/activiteiten/")
    assert "Studiedag programmeren (gedeeld door een teamlid)" in html(boss)
    boss.goto(f"{base}/mijn-school/plannen/{plan.pk}/verslag/")
    assert "Studiedag programmeren (gedeeld door een teamlid)" in html(boss)
    assert "spel programmeren" not in html(boss)

    tab.click("text=Delen intrekken")
    boss.goto(f"{base}/mijn-school/plannen/{plan.pk}/activiteiten/")
    assert "Studiedag programmeren" not in html(boss)
    tab.set_viewport_size({"width": 1280, "height": 900})
    tab.goto(f"{base}/mijn-leerpad/")
    problems += serious(axe, tab)

    # share again, then delete the account: the leerpad, the share, the file and the feed are gone
    tab.click("article.training button:has-text('Delen')")
    tab.goto(f"{base}/mijn-school/account-verwijderen/")
    tab.fill("#id_password", PASSWORD)
    tab.click("button:has-text('Mijn account definitief verwijderen')")
    tab.wait_for_load_state()
    assert not User.objects.filter(email="juf@klimop.test").exists()
    assert not LoggedTraining.objects.exists() and not Activity.objects.exists()
    assert not SavedOffer.objects.exists() and not CalendarFeed.objects.exists()
    assert not PersonalResult.objects.exists()
    boss.goto(f"{base}/mijn-school/plannen/{plan.pk}/activiteiten/")
    assert "Studiedag programmeren" not in html(boss)
    assert not any((tmp_path / "bewijs").glob("*"))
    assert tab.request.get(feed_url).status == 404
    boss.context.close()
    context.close()
    assert problems == []
