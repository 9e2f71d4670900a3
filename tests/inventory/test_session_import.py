"""Bulk import of sessions: CSV or JSON, per-line errors, all or nothing, idempotent by the provider's
own session id; 1,000 sessions through the command and the admin upload."""

import csv
import datetime
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from actors.models import ActionPage, ActionSession
from inventory import session_import
from tests import factories

pytestmark = pytest.mark.django_db
COLUMNS = [
    "action",
    "identifier",
    "startDate",
    "endDate",
    "courseMode",
    "location",
    "inLanguage",
    "price",
    "maximumAttendeeCapacity",
    "url",
    "status",
]


@pytest.fixture
def actions(site_tree):
    return [factories.action(f"Reeks {n}") for n in range(10)]


def rows(actions, count=1000, start=datetime.datetime(2031, 1, 6, 9, 0)):
    for n in range(count):
        begin = start + datetime.timedelta(days=n // 10, hours=n % 10)
        yield {
            "action": actions[n % len(actions)].slug,
            "identifier": f"PROV-{n:04d}",
            "startDate": begin.isoformat(timespec="minutes"),
            "endDate": (begin + datetime.timedelta(hours=2)).isoformat(timespec="minutes"),
            "courseMode": "online" if n % 3 == 0 else "onsite",
            "location": "" if n % 3 == 0 else "Mechelen",
            "inLanguage": "nl",
            "price": "" if n % 2 else "35",
            "maximumAttendeeCapacity": "25",
            "url": f"https://aanbieder.example.be/sessie/{n}",
            "status": "open",
        }


def write_csv(path, data):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(data)
    return path


def test_a_thousand_sessions_apply_whole_and_a_second_run_changes_nothing(tmp_path, actions):
    file = write_csv(tmp_path / "sessies.csv", rows(actions))
    out = io.StringIO()
    call_command("import_sessions", str(file), stdout=out)
    assert "1000 nieuw, 0 gewijzigd, 0 ongewijzigd" in out.getvalue()
    assert ActionSession.objects.count() == 1000
    assert all(
        page.status == "binnenkort" for page in ActionPage.objects.filter(pk__in=[a.pk for a in actions])
    )
    revisions = Revision.objects.count()

    out = io.StringIO()
    call_command("import_sessions", str(file), stdout=out)
    assert "0 nieuw, 0 gewijzigd, 1000 ongewijzigd" in out.getvalue()
    assert ActionSession.objects.count() == 1000 and Revision.objects.count() == revisions

    changed = list(rows(actions))
    changed[7]["location"] = "Hasselt"
    out = io.StringIO()
    call_command("import_sessions", str(write_csv(tmp_path / "v2.csv", changed)), stdout=out)
    assert "0 nieuw, 1 gewijzigd, 999 ongewijzigd" in out.getvalue()
    assert ActionSession.objects.get(identifier="PROV-0007").location == "Hasselt"
    assert ActionSession.objects.count() == 1000


def test_one_bad_line_means_nothing_is_written(tmp_path, actions):
    data = list(rows(actions, 50))
    data[20]["startDate"] = "volgende dinsdag"
    data[31]["action"] = "bestaat-niet"
    data[40]["identifier"] = data[30]["identifier"]  # the same action (n % 10)
    err = io.StringIO()
    with pytest.raises(CommandError, match="3 regel"):
        call_command("import_sessions", str(write_csv(tmp_path / "fout.csv", data)), stderr=err)
    assert "regel 22: 'startDate' is geen datum en tijd" in err.getvalue()  # line 1 is the header
    assert "regel 33: onbekende actie 'bestaat-niet'" in err.getvalue()
    assert "komt al eerder voor" in err.getvalue()
    assert ActionSession.objects.count() == 0


def test_a_failure_while_writing_rolls_everything_back(tmp_path, actions, monkeypatch):
    plan = session_import.plan_import(session_import.read_rows(json.dumps(list(rows(actions, 100))).encode()))
    original, calls = session_import._apply_to, []

    def fail_on_the_fifth(page, lines, user, report):
        calls.append(page)
        if len(calls) == 5:
            raise RuntimeError("schijf vol")
        return original(page, lines, user, report)

    monkeypatch.setattr(session_import, "_apply_to", fail_on_the_fifth)
    with pytest.raises(RuntimeError):
        session_import.apply_import(plan)
    assert ActionSession.objects.count() == 0


def test_json_and_unreadable_files(tmp_path, actions):
    file = tmp_path / "sessies.json"
    file.write_text(json.dumps({"sessions": list(rows(actions, 5))}), encoding="utf-8")
    call_command("import_sessions", str(file), stdout=io.StringIO())
    assert ActionSession.objects.count() == 5
    for content, message in [
        (b"\xff\xfe\x00", "geen UTF-8"),
        (b"[{", "JSON-bestand is ongeldig"),
        (b"naam;datum\nx;y\n", "ontbreken in de eerste regel"),
        (b"", "leeg"),
    ]:
        bad = tmp_path / "bad.csv"
        bad.write_bytes(content)
        with pytest.raises(CommandError, match=message):
            call_command("import_sessions", str(bad))
    assert ActionSession.objects.count() == 5


def test_a_pending_draft_stays_a_draft(tmp_path, actions):
    page = actions[0]
    page.summary = "Nieuwe samenvatting in concept."
    page.save_revision()
    call_command(
        "import_sessions", str(write_csv(tmp_path / "s.csv", rows(actions[:1], 3))), stdout=io.StringIO()
    )
    page.refresh_from_db()
    assert page.sessions.count() == 0 and page.has_unpublished_changes  # live page unchanged
    draft = page.get_latest_revision_as_object()
    assert len(draft.sessions.all()) == 3 and draft.summary == "Nieuwe samenvatting in concept."


def test_the_admin_upload_previews_per_line_and_applies_on_confirmation(client, actions):
    client.force_login(
        get_user_model().objects.create_superuser("baas", "b@example.be", "een-lang-wachtwoord")
    )
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, delimiter=";")
    writer.writeheader()
    writer.writerows(rows(actions, 1000))
    content = buffer.getvalue().encode("utf-8-sig")  # Excel's CSV: BOM and semicolons

    bad = content.replace(b"Mechelen", b"", 1)
    upload = io.BytesIO(bad)
    upload.name = "sessies.csv"
    html = client.post("/admin/redactie/sessies-importeren/", {"file": upload}).content.decode()
    assert "met fouten. Er is niets ingelezen" in html and "&#x27;location&#x27; ontbreekt" in html
    assert "Alles inlezen" not in html

    upload = io.BytesIO(content)
    upload.name = "sessies.csv"
    html = client.post("/admin/redactie/sessies-importeren/", {"file": upload}).content.decode()
    assert "1000 nieuw, 0 gewijzigd, 0 ongewijzigd" in html and "Alles inlezen" in html
    assert ActionSession.objects.count() == 0  # a preview writes nothing
    response = client.post("/admin/redactie/sessies-importeren/", {"confirm": "1"}, follow=True)
    assert "1000 nieuwe en 0 gewijzigde sessies ingelezen" in response.content.decode()
    assert ActionSession.objects.count() == 1000
    response = client.post("/admin/redactie/sessies-importeren/", {"confirm": "1"}, follow=True)
    assert "Laad het bestand opnieuw op" in response.content.decode()
