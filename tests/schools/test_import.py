"""Export and import of a whole plan as JSON, and manage.py import_plan."""

import json

import pytest
from django.core.management import CommandError, call_command

from schools.importing import PlanImportError, import_plan
from schools.models import Activity, Goal, Plan, School
from schools.report import yearly_report

DOCUMENT = {
    "school": "Basisschool De Klimop",
    "school_year": "2026-2027",
    "vision": "Leren met en over technologie.",
    "goals": [
        {
            "title": "Feedback met digitale tools",
            "competences": ["4.3"],
            "target_level": "B1",
            "indicator": "aandeel leraren",
            "target": "80%",
            "owner": "ICT-coördinator",
            "deadline": "2027-06-30",
            "status": "gepland",
            "evidence": "Bij de klasbezoeken in mei gaf 14 van de 18 leraren digitale feedback.",
            "offers": [],
            "activities": [
                {"date": "2026-11-05", "title": "Studiedag", "fiche": None, "participants": 18, "hours": 3}
            ],
        }
    ],
}


def raw(document) -> bytes:
    return json.dumps(document).encode()


@pytest.mark.django_db
def test_import_then_export_gives_the_same_document(school):
    plan = import_plan(school, raw(DOCUMENT))
    exported = yearly_report(plan)
    goal = {key: exported["goals"][0][key] for key in DOCUMENT["goals"][0]}
    activity = {key: goal["activities"][0][key] for key in DOCUMENT["goals"][0]["activities"][0]}
    assert goal | {"activities": [activity]} == DOCUMENT["goals"][0] | {
        "activities": [DOCUMENT["goals"][0]["activities"][0] | {"hours": 3.0}]
    }
    again = School.objects.create(name="Kopie", network="go")
    copy = import_plan(again, json.dumps(exported).encode())
    assert yearly_report(copy) | {"school": "x", "team_rounds": []} == exported | {
        "school": "x",
        "team_rounds": [],
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "document, message",
    [
        (b"{niet json", "geen geldig JSON"),
        (b"[1, 2]", "een JSON-object"),
        (raw(DOCUMENT | {"version": 9}), "Versie 9"),
        (raw(DOCUMENT | {"school_year": "2026"}), "geen schooljaar"),
        (
            raw(DOCUMENT | {"goals": [DOCUMENT["goals"][0] | {"competences": ["9.9"]}]}),
            "onbekende competentie 9.9",
        ),
        (raw(DOCUMENT | {"goals": [DOCUMENT["goals"][0] | {"offers": [987654]}]}), "Onbekende fiche: 987654"),
        (raw(DOCUMENT | {"goals": [DOCUMENT["goals"][0] | {"deadline": "30/06/2027"}]}), "geen datum"),
        (raw(DOCUMENT | {"goals": [DOCUMENT["goals"][0] | {"evidence": ["x"]}]}), "evidence moet tekst zijn"),
        (b" " * (11 * 1024 * 1024), "te groot"),
    ],
)
def test_a_bad_document_imports_nothing(school, document, message):
    with pytest.raises(PlanImportError, match=message):
        import_plan(school, document)
    assert not Plan.objects.exists() and not Goal.objects.exists() and not Activity.objects.exists()


@pytest.mark.django_db
def test_import_plan_command_prints_the_path_last(tmp_path, school, director, capsys):
    file = tmp_path / "plan.json"
    file.write_text(json.dumps(DOCUMENT))
    call_command("import_plan", str(file), "--account", director.email)
    plan = Plan.objects.get()
    assert capsys.readouterr().out.strip().splitlines()[-1] == f"/mijn-school/plannen/{plan.pk}/"
    with pytest.raises(CommandError, match="al een plan"):
        call_command("import_plan", str(file), "--account", director.email)
    assert Plan.objects.count() == 1


@pytest.mark.django_db
def test_import_plan_command_refuses_an_unknown_account(tmp_path, school):
    file = tmp_path / "plan.json"
    file.write_text(json.dumps(DOCUMENT))
    with pytest.raises(CommandError, match="geen beheerder of bewerker"):
        call_command("import_plan", str(file), "--account", "niemand@elders.test")
    assert not Plan.objects.exists()


def upload(client, school, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    file = SimpleUploadedFile("plan.json", content, content_type="application/json")
    return client.post(f"/mijn-school/scholen/{school.pk}/plan-importeren/", {"bestand": file})


@pytest.mark.django_db
def test_the_browser_import_adds_the_plan_and_opens_it(logged_in, school):
    assert (
        "Een plan importeren"
        in logged_in.get(f"/mijn-school/scholen/{school.pk}/plan-importeren/").content.decode()
    )
    response = upload(logged_in, school, raw(DOCUMENT))
    plan = Plan.objects.get(school=school)
    assert response.status_code == 302 and response["Location"] == f"/mijn-school/plannen/{plan.pk}/"
    assert plan.goals.get().title == "Feedback met digitale tools" and Activity.objects.count() == 1
    again = upload(logged_in, school, raw(DOCUMENT))
    assert again.status_code == 400 and "heeft al een plan voor 2026-2027" in again.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content, message",
    [
        (b"{niet json", "geen geldig JSON"),
        (raw(DOCUMENT | {"version": 9}), "Versie 9"),
        (
            raw(DOCUMENT | {"goals": [DOCUMENT["goals"][0] | {"competences": ["9.9"]}]}),
            "onbekende competentie 9.9",
        ),
        (raw(DOCUMENT | {"goals": [DOCUMENT["goals"][0], {"title": ""}]}), "elk doel heeft een titel"),
        (b" " * (10 * 1024 * 1024), "te groot"),
    ],
)
def test_a_bad_upload_shows_dutch_errors_and_imports_nothing(logged_in, school, content, message):
    response = upload(logged_in, school, content)
    assert response.status_code == 400 and message in response.content.decode()
    assert "Er is niets geïmporteerd" in response.content.decode()
    assert not Plan.objects.exists() and not Goal.objects.exists() and not Activity.objects.exists()


@pytest.mark.django_db
def test_a_reader_cannot_import(client, school):
    from .conftest import PASSWORD, make_account

    make_account("lezer@klimop.test", school, role="lezer")
    client.post("/account/login/", {"login": "lezer@klimop.test", "password": PASSWORD})
    assert upload(client, school, raw(DOCUMENT)).status_code == 404 and not Plan.objects.exists()
