"""A report a board signs: the school's identification, an approval entered by the beheerder, per
goal its measured value, linked offers and each activity's offer by title and link, costs and the
Digiplan total; CSV for Excel nl-BE; a tagged PDF (PDF/UA); JSON versioned and importable."""

import csv
import io
import json

import pytest

from schools.aggregates import COMPETENCE_NAMES
from schools.importing import import_plan
from schools.models import LEZER, Activity, Goal, Plan, School
from schools.report import yearly_report
from tests import factories

from .conftest import PASSWORD, make_account


@pytest.fixture
def plan(school, site_tree):
    School.objects.filter(pk=school.pk).update(institution_number="012345")
    plan = Plan.objects.create(school=school, school_year="2026-2027")
    offer = factories.action("Feedback met tablets")  # a live, public fiche: only those are offers
    goal = Goal.objects.create(
        plan=plan,
        title="Digitale feedback in elke klas",
        competences=["4.3"],
        indicator="aandeel leraren dat wekelijks digitale feedback geeft",
        target="80%",
        measured="65%",
        status="bezig",
        offers=[offer.pk],
    )
    day = Activity.objects.create(
        plan=plan,
        date="2026-11-05",
        title="Studiedag",
        participants=20,
        hours=1.5,
        fiche=offer.pk,
        cost=450,
        from_digiplan=True,
    )
    day.goals.set([goal])
    Activity.objects.create(
        plan=plan, date="2027-02-01", title="Intervisie", participants=4, hours=2, cost=50
    )
    return plan


@pytest.mark.django_db
def test_the_report_identifies_the_school_and_its_approval(logged_in, plan, site_tree):
    url = f"/mijn-school/plannen/{plan.pk}/verslag/"
    assert "Nog niet goedgekeurd" in logged_in.get(url).content.decode()
    bad = logged_in.post(
        f"{url}goedkeuring/", {"approved_by": "Het schoolbestuur", "approved_on": "31/02/2027"}, follow=True
    )
    assert "geen datum" in bad.content.decode() and not Plan.objects.get().approved_by
    logged_in.post(f"{url}goedkeuring/", {"approved_by": "Het schoolbestuur", "approved_on": "20/11/2026"})
    page = logged_in.get(url).content.decode()
    assert "instellingsnummer 012345" in page and "Goedgekeurd door Het schoolbestuur op 2026-11-20" in page
    assert "<dt>Gemeten</dt><dd>65%</dd>" in page
    assert '">Feedback met tablets</a>' in page  # the offer by title and link
    assert "aanbod: <a" in page and "€ 500,00" in page.replace("500.00", "500,00")
    assert "€ 450,00 uit de Digisprongmiddelen" in page.replace("450.00", "450,00")


@pytest.mark.django_db
def test_the_report_names_competences_and_shows_the_smart_check(logged_in, plan):
    page = logged_in.get(f"/mijn-school/plannen/{plan.pk}/verslag/").content.decode()
    assert f"4.3 {COMPETENCE_NAMES['4.3']}" in page  # a name, not only a code
    check = page.split("SMART-check:")[1].split("</ul>")[0]  # the goal has no owner and no deadline
    assert "Toewijsbaar" in check and "Tijdgebonden" in check


@pytest.mark.django_db
def test_only_a_beheerder_approves(client, plan, school):
    reader = make_account("lezer@klimop.test", school, role=LEZER)
    client.post("/account/login/", {"login": reader.email, "password": PASSWORD})
    url = f"/mijn-school/plannen/{plan.pk}/verslag/goedkeuring/"
    assert client.post(url, {"approved_by": "Ik"}).status_code == 404
    assert not Plan.objects.get().approved_by


@pytest.mark.django_db
def test_the_csv_opens_in_excel_nl_be(logged_in, plan):
    body = logged_in.get(f"/mijn-school/plannen/{plan.pk}/verslag.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    header = rows[0]
    studiedag = next(row for row in rows if "Studiedag" in row)
    assert studiedag[header.index("uren")] == "1,5" and studiedag[header.index("kost")] == "450,00"
    assert studiedag[header.index("gemeten")] == "65%" and studiedag[header.index("digiplan")] == "ja"
    assert all(len(row) == len(header) for row in rows)  # one column per field, also the totals


@pytest.mark.django_db
def test_the_csv_ends_with_the_costs_and_the_digiplan_total(logged_in, plan):
    Activity.objects.create(plan=plan, date="2027-03-01", title="Zonder kost", participants=3, hours=0.5)
    Activity.objects.create(
        plan=plan, date="2027-03-02", title="Duur", participants=1, hours=1, cost=1234567.5
    )
    body = logged_in.get(f"/mijn-school/plannen/{plan.pk}/verslag.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    header, kost = rows[0], rows[0].index("kost")
    assert next(r for r in rows if "Zonder kost" in r)[kost] == ""  # the cost is optional
    assert next(r for r in rows if "Zonder kost" in r)[header.index("uren")] == "0,5"  # decimal comma
    assert next(r for r in rows if "Duur" in r)[kost] == "1234567,50"  # not 1,23457e+06
    total, digiplan = rows[-2], rows[-1]
    assert total[0] == "totaal schooljaar (4 activiteiten)" and total[header.index("deelnemers")] == "28"
    assert total[header.index("uren")] == "5" and total[kost] == "1235067,50"
    assert digiplan[0] == "waarvan uit de Digisprongmiddelen" and digiplan[kost] == "450,00"


@pytest.mark.django_db
def test_the_pdf_is_tagged_for_accessibility(logged_in, plan):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(logged_in.get(f"/mijn-school/plannen/{plan.pk}/verslag.pdf").content))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/Lang"] == "nl-BE" and root["/MarkInfo"]["/Marked"]
    assert b'pdfuaid:part="1"' in reader.xmp_metadata.stream.get_data()
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for section in ("1. Visie", "2. Doelen", "3. Gevolgde professionalisering", "4. Niveaus", "5. Volgende"):
        assert section in text
    assert "instellingsnummer 012345" in text and "Digitale feedback in elke klas" in text


@pytest.mark.django_db
def test_the_json_is_versioned_and_imports_back(plan):
    document = yearly_report(plan)
    assert document["version"] == 2 and document["approved_by"] == ""
    copy = import_plan(School.objects.create(name="Kopie", network="go"), json.dumps(document).encode())
    again = yearly_report(copy)
    assert again["goals"][0]["measured"] == "65%" and again["totals"]["digiplan"] == 450.0
