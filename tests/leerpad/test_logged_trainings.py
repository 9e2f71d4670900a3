"""'Gevolgd': logging a followed training with optional evidence, kept privately and served only to
its owner; exporting and deleting everything."""

import io
import json
from pathlib import Path

import pypdf
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from leerpad.models import CalendarFeed, LoggedTraining, SavedOffer
from portal.taxonomy import DigCompEduCompetence
from schools.models import PersonalResult

from .conftest import FOLLOWED_ON, PDF, PNG, login, result_code

pytestmark = pytest.mark.django_db
URL = "/mijn-leerpad/gevolgd/nieuw/"


def log(client, **overrides):
    data = {
        "title": "Werken met Bookwidgets",
        "date": FOLLOWED_ON.isoformat(),
        "hours": "3,5",
        "summary": "Ik maak er nu een wekelijkse quiz mee.",
        "competence": DigCompEduCompetence.objects.get(code="2.2").pk,
    } | overrides
    return client.post(URL, data)


def test_a_teacher_logs_a_training_with_a_certificate_only_they_can_download(client, teacher, other_teacher):
    login(client, teacher)
    response = log(client, evidence=SimpleUploadedFile("attest.pdf", PDF, "application/pdf"))
    assert response.status_code == 302
    training = LoggedTraining.objects.get(user=teacher)
    assert str(training.hours) == "3.5" and training.competence.code == "2.2"
    stored = Path(training.evidence.path)
    assert stored.is_file() and Path(settings.LEERPAD_EVIDENCE_ROOT) in stored.parents
    assert Path(settings.MEDIA_ROOT) not in stored.parents and "attest" not in stored.name
    page = client.get("/mijn-leerpad/").text
    assert "Werken met Bookwidgets" in page and "3,5 uur" in page and "2.2" in page
    url = f"/mijn-leerpad/gevolgd/{training.pk}/bewijsstuk/"
    download = client.get(url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf" and "private" in download["Cache-Control"]
    # URL guessing: another teacher, a logged-out visitor, the media URL
    assert login(Client(), other_teacher).get(url).status_code == 404
    assert "/account/login/" in Client().get(url)["Location"]
    assert Client().get(f"{settings.MEDIA_URL}{stored.name}").status_code == 404
    assert (
        login(Client(), other_teacher).get(f"/mijn-leerpad/gevolgd/{training.pk + 1}/bewijsstuk/").status_code
        == 404
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"evidence": SimpleUploadedFile("attest.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")},
            "geen PDF, PNG of JPEG",
        ),
        (
            {"evidence": SimpleUploadedFile("groot.png", PNG + b"\x00" * (5 * 1024 * 1024), "image/png")},
            "groter dan 5 MB",
        ),
        ({"date": "2999-01-01"}, "in de toekomst"),
        ({"date": "gisteren"}, "geldige datum"),
        ({"hours": "0"}, "tussen 0,5 en 500"),
        ({"hours": "veel"}, "als getal"),
        ({"title": ""}, "Geef de titel"),
        ({"offer_id": "999999", "title": ""}, "bestaat niet"),
    ],
)
def test_bad_input_gets_a_clear_message_and_stores_nothing(client, teacher, overrides, message):
    response = log(login(client, teacher), **overrides)
    assert response.status_code == 400 and message in response.content.decode()
    assert not LoggedTraining.objects.exists()
    assert not any(Path(settings.LEERPAD_EVIDENCE_ROOT).glob("*"))


def test_a_training_from_an_offer_takes_its_title(client, teacher, offer):
    course = offer("Digitaal evalueren", competences=["4.1"])
    login(client, teacher)
    form = client.get(f"{URL}?aanbod={course.pk}").text
    assert "Digitaal evalueren" in form
    assert (
        log(client, title="", offer_id=course.pk, evidence=SimpleUploadedFile("foto.png", PNG)).status_code
        == 302
    )
    training = LoggedTraining.objects.get()
    assert training.title == "Digitaal evalueren" and training.offer_id == course.pk
    assert training.evidence_type == "image/png"


def test_deleting_a_training_deletes_its_file_and_another_teacher_cannot(
    client, teacher, other_teacher, django_capture_on_commit_callbacks
):
    log(login(client, teacher), evidence=SimpleUploadedFile("a.pdf", PDF))
    training = LoggedTraining.objects.get()
    path = Path(training.evidence.path)
    url = f"/mijn-leerpad/gevolgd/{training.pk}/verwijderen/"
    assert login(Client(), other_teacher).post(url).status_code == 404
    assert "/account/login/" in Client().post(url)["Location"]
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert not LoggedTraining.objects.exists() and not path.exists()


def test_export_holds_my_leerpad_and_nothing_of_others(client, teacher, other_teacher, offer):
    course = offer("Digitaal evalueren", competences=["4.1"])
    log(login(client, teacher))
    client.post(f"/mijn-leerpad/bewaren/{course.pk}/")
    PersonalResult.objects.create(
        user=teacher, code=result_code(2), taken_on=FOLLOWED_ON, consented_at="2026-01-01T00:00Z"
    )
    log(login(Client(), other_teacher), title="Iets van een ander")
    response = client.get("/mijn-leerpad/export.json")
    assert response["Content-Disposition"] == 'attachment; filename="mijn-leerpad.json"'
    data = json.loads(response.content)
    assert [t["title"] for t in data["trainings"]] == ["Werken met Bookwidgets"]
    assert data["saved_offers"][0]["title"] == "Digitaal evalueren"
    assert data["self_assessment_results"][0]["overall"] == "B1"
    assert "/account/login/" in Client().get("/mijn-leerpad/export.json")["Location"]


def test_delete_everything_asks_first_and_then_leaves_nothing(
    client, teacher, other_teacher, offer, django_capture_on_commit_callbacks
):
    course = offer("Digitaal evalueren", competences=["4.1"])
    log(login(client, teacher), evidence=SimpleUploadedFile("a.pdf", PDF))
    client.post(f"/mijn-leerpad/bewaren/{course.pk}/")
    client.post("/mijn-leerpad/agendalink/")
    PersonalResult.objects.create(
        user=teacher, code=result_code(2), taken_on=FOLLOWED_ON, consented_at="2026-01-01T00:00Z"
    )
    log(login(Client(), other_teacher), title="Iets van een ander")
    refused = client.post("/mijn-leerpad/alles-wissen/")
    assert refused.status_code == 400 and "Vink aan" in refused.text
    assert LoggedTraining.objects.filter(user=teacher).exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/mijn-leerpad/alles-wissen/", {"bevestig": "ja"})
    assert not LoggedTraining.objects.filter(user=teacher).exists()
    assert not SavedOffer.objects.filter(user=teacher).exists()
    assert not PersonalResult.objects.filter(user=teacher).exists()
    assert not CalendarFeed.objects.filter(user=teacher).exists()
    assert not any(Path(settings.LEERPAD_EVIDENCE_ROOT).glob("*"))
    assert LoggedTraining.objects.filter(user=other_teacher).count() == 1


def test_my_results_show_progress_per_area(client, teacher):
    PersonalResult.objects.create(
        user=teacher, code=result_code(1), taken_on="2026-01-10", consented_at="2026-01-10T00:00Z"
    )
    PersonalResult.objects.create(
        user=teacher, code=result_code(2), taken_on="2026-06-10", consented_at="2026-06-10T00:00Z"
    )
    page = login(client, teacher).get("/mijn-leerpad/").text
    assert "algemeen niveau <strong>B1 Integrator</strong>" in page
    assert page.count("+1 hoger") == 6 and "Sinds de vorige keer" in page
    assert "?vorige=" in page
    assert 'id="leerpad-radar-titel"' in page and "radar-before" in page  # a chart beside the table


def test_the_portfolio_pdf_holds_my_trainings_only(client, teacher, other_teacher):
    log(login(client, teacher))
    log(login(Client(), other_teacher), title="Iets van een ander")
    response = client.get("/mijn-leerpad/portfolio.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    assert "Professionaliseringsportfolio" in text and "Werken met Bookwidgets" in text
    assert "Iets van een ander" not in text and "Samen 3,5 uur" in text
    assert "/account/login/" in Client().get("/mijn-leerpad/portfolio.pdf")["Location"]
