"""The result names each level in words beside its code, the headline says what rose since the previous
result, the radar labels stay readable on a phone and on paper, and the PDF carries its date."""

import io
import re

import pypdf
import pytest
from django.utils import timezone

from selfassessment import codes, radar
from selfassessment.framework import COMPETENCES

pytestmark = pytest.mark.django_db


def code_for(level, raised=(), to=None):
    return codes.encode({c: (to if c in raised else level) for c in COMPETENCES})


def test_levels_are_named_in_words_beside_their_codes(client, site_tree):
    page = client.get(f"/zelfevaluatie/resultaat/{code_for(1)}/").text
    assert 'Je algemene niveau: <strong class="overall">A2 Ontdekker</strong>' in page
    assert "A1 Nieuwkomer, A2 Ontdekker, B1 Integrator, B2 Expert, C1 Leider, C2 Pionier" in page
    assert "<td>A2 Ontdekker</td>" in page


def test_the_headline_counts_what_rose_even_when_the_overall_level_stays(client, site_tree):
    before = code_for(1)
    now = code_for(1, raised=COMPETENCES[:9], to=2)  # 9 of 22 rose: the overall median stays A2
    page = client.get(f"/zelfevaluatie/resultaat/{now}/?vorige={before}").text
    headline = re.sub(
        r"\s+", " ", re.sub(r"<[^>]+>", "", page.split('class="lead progress-headline">')[1].split("</p>")[0])
    )
    assert headline.strip() == "Sinds je vorige resultaat stegen 9 competenties van de 22."
    assert "(vorige keer: A2 Ontdekker)" in page


def test_radar_labels_are_at_least_11_px_on_a_phone_and_in_the_pdf(client, site_tree):
    css = open("selfassessment/static/selfassessment/selfassessment.css").read()
    phone = re.search(r"@media \(max-width: 40rem\).*?\.radar \{ min-width: ([\d.]+)rem", css, re.S)
    assert phone and ".table-scroll { order: -1; }" in css  # the table comes first on a phone
    assert radar.LABEL_SIZE * float(phone[1]) * 16 / radar.WIDTH >= 11
    pdf_css = open("selfassessment/static/selfassessment/result_pdf.css").read()
    width_mm = float(re.search(r"\.radar \{ width: ([\d.]+)mm", pdf_css)[1])
    assert radar.LABEL_SIZE * (width_mm / 25.4 * 96) / radar.WIDTH >= 11
    page = client.get(f"/zelfevaluatie/resultaat/{code_for(2)}/").text
    assert f'font-size="{radar.LABEL_SIZE}"' in page


def test_the_pdf_carries_its_date_and_the_level_names(client, site_tree):
    response = client.get(f"/zelfevaluatie/resultaat/{code_for(2)}/pdf/")
    assert response.status_code == 200
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    today = timezone.localdate()
    assert f"Gemaakt op {today.day}" in text and str(today.year) in text
    assert "B1 Integrator" in text


def test_the_self_assessment_is_in_the_main_menu(client, site_tree):
    menu = client.get("/").text.split('aria-label="Hoofdmenu"')[1].split("</nav>")[0]
    assert '<a href="/zelfevaluatie/">Zelfevaluatie</a>' in menu
    assert '<a href="/mijn-leerpad/">Mijn leerpad</a>' in menu
