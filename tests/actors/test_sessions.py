"""Sessions (edities) of an action and the status derived from them: on the fiche, in search, in the
JSON-LD, in the API, in the inventory files, and kept right as time passes."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from actors.models import ActionPage, ActionSession
from actors.status import action_status
from tests import factories

pytestmark = pytest.mark.django_db


def with_sessions(page, *sessions):
    page.sessions = list(sessions)
    page.save_revision().publish()
    return ActionPage.objects.get(pk=page.pk)


def session(days_ahead: int, **fields) -> ActionSession:
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days_ahead)
    defaults = {"start": start, "end": start + datetime.timedelta(hours=3), "location": "Gent"}
    return ActionSession(**{**defaults, **fields})


def search_status(client, value):
    return [hit["title"] for hit in client.get("/api/zoeken/", {"status": value}).json()["results"]]


def test_a_future_session_makes_the_action_binnenkort_everywhere(client, site_tree):
    page = factories.action("Webinar klasbeheer")
    assert page.status == "afgelopen"  # the factory's end date (2021) has passed and there are no sessions
    page = with_sessions(
        page, session(10, price=Decimal("25"), seats=20, registration_url="https://x.example.be/s1")
    )
    assert page.status == "binnenkort"
    assert search_status(client, "binnenkort") == ["Webinar klasbeheer"]
    assert search_status(client, "afgelopen") == []
    html = client.get(page.url).content.decode()
    assert "Binnenkort" in html and "Gent" in html and "€ 25" in html and "20 plaatsen" in html
    assert 'href="https://x.example.be/s1"' in html


def test_the_status_is_derived_in_one_place():
    now = timezone.now()
    page = ActionPage(title="x", self_paced=False)
    assert action_status(page, now, sessions=[]) == "onbekend"
    page.self_paced = True
    assert action_status(page, now, sessions=[]) == "doorlopend"
    past = ActionSession(start=now - datetime.timedelta(days=3), location="Gent")
    assert action_status(page, now, sessions=[past]) == "doorlopend"
    page.self_paced = False
    assert action_status(page, now, sessions=[past]) == "afgelopen"
    cancelled = ActionSession(start=now + datetime.timedelta(days=3), location="Gent", status="geannuleerd")
    assert action_status(page, now, sessions=[past, cancelled]) == "afgelopen"
    ongoing = ActionSession(start=now - datetime.timedelta(hours=1), end=now + datetime.timedelta(hours=1))
    assert action_status(page, now, sessions=[ongoing]) == "binnenkort"
    page.start_date = (now + datetime.timedelta(days=40)).date()
    assert action_status(page, now, sessions=[]) == "binnenkort"
    page.start_date, page.end_date = None, datetime.date(2020, 1, 1)
    assert action_status(page, now, sessions=[]) == "afgelopen"


def test_the_daily_refresh_moves_a_passed_session_to_afgelopen(client, site_tree):
    page = with_sessions(factories.action("Vorming met één datum"), session(5))
    assert search_status(client, "binnenkort") == ["Vorming met één datum"]
    # time passes: the session is now over, without anyone publishing anything
    ActionSession.objects.filter(action=page).update(
        start=timezone.now() - datetime.timedelta(days=2), end=timezone.now() - datetime.timedelta(days=2)
    )
    call_command("refresh_action_status")
    assert search_status(client, "binnenkort") == []
    assert search_status(client, "afgelopen") == ["Vorming met één datum"]


def test_between_two_refreshes_the_fiche_and_the_agenda_already_tell_the_truth(client, site_tree):
    page = with_sessions(factories.action("Vorming van gisteren"), session(5))
    html = client.get(page.url).content.decode()
    assert "Binnenkort" in html and "Afgelopen" not in html
    assert "Vorming van gisteren" in client.get("/agenda/").content.decode()
    ActionSession.objects.filter(action=page).update(
        start=timezone.now() - datetime.timedelta(days=1), end=timezone.now() - datetime.timedelta(hours=20)
    )
    # The daily refresh has not run: only the search facet still says binnenkort.
    assert search_status(client, "binnenkort") == ["Vorming van gisteren"]
    html = client.get(page.url).content.decode()
    assert "Afgelopen" in html and "Binnenkort" not in html
    assert "Vorming van gisteren" not in client.get("/agenda/").content.decode()
    assert b"Vorming van gisteren" not in client.get("/agenda.ics").content


def test_json_ld_has_course_instances_with_mode_date_location_and_offer(client, site_tree):
    page = with_sessions(
        factories.action("Cursus programmeren"),
        session(7, course_mode="online", location="", registration_url="https://x.example.be/r"),
        session(14, price=Decimal("40.00")),
    )
    html = client.get(page.url).content.decode()
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["@type"] == "Course"
    online, onsite = data["hasCourseInstance"]
    assert online["@type"] == "CourseInstance" and online["courseMode"] == "online"
    assert online["location"]["@type"] == "VirtualLocation"
    assert online["offers"]["price"] == "0" and online["offers"]["url"] == "https://x.example.be/r"
    assert onsite["courseMode"] == "onsite" and onsite["location"]["name"] == "Gent"
    assert onsite["offers"]["price"] == "40.00" and onsite["offers"]["priceCurrency"] == "EUR"
    assert datetime.datetime.fromisoformat(onsite["startDate"]) > timezone.now()


def test_the_api_carries_the_sessions_and_the_derived_status(client, site_tree):
    page = with_sessions(factories.action("Cursus API"), session(3, seats=12, identifier="PROV-1"))
    item = client.get(f"/api/v2/fiches/{page.pk}/").json()
    assert item["status"] == "binnenkort" and item["self_paced"] is False
    assert item["sessions"][0]["seats"] == 12 and item["sessions"][0]["identifier"] == "PROV-1"
    assert item["sessions"][0]["is_free"] is True and item["sessions"][0]["course_mode"] == "onsite"


def test_the_quality_report_lists_actions_whose_status_cannot_be_derived(site_tree):
    from editorial.quality import quality_problems

    page = factories.action("Zonder data")
    ActionPage.objects.filter(pk=page.pk).update(start_date=None, end_date=None)
    problems = {(p.page.title, p.problem) for p in quality_problems()}
    assert any(
        title == "Zonder data" and problem.startswith("status niet af te leiden")
        for title, problem in problems
    )


def test_inventory_sessions_round_trip_and_bad_sessions_are_refused(tmp_path, inventory):
    import yaml

    from inventory.exporter import export_inventory
    from inventory.files import InventoryError
    from inventory.loader import load_inventory

    assert ActionPage.objects.get(slug="cybersimpel").status == "doorlopend"
    export_inventory(tmp_path)
    actions = yaml.safe_load((tmp_path / "actions.yaml").read_text())
    actions[0]["sessions"] = [
        {
            "identifier": "A-1",
            "startDate": "2031-03-05T14:00",
            "endDate": "2031-03-05T16:00",
            "location": "Brugge",
        }
    ]
    (tmp_path / "actions.yaml").write_text(yaml.safe_dump(actions, allow_unicode=True))
    load_inventory(tmp_path)
    page = ActionPage.objects.get(slug=actions[0]["slug"])
    assert page.status == "binnenkort" and page.sessions.get().location == "Brugge"
    second = tmp_path / "again"
    export_inventory(second)
    exported = yaml.safe_load((second / "actions.yaml").read_text())[0]["sessions"]
    assert exported[0]["startDate"] == "2031-03-05T14:00+01:00" and exported[0]["identifier"] == "A-1"

    actions[0]["sessions"] = [{"startDate": "morgen", "courseMode": "te voet"}]
    actions[1]["status"] = "lopend"
    (tmp_path / "actions.yaml").write_text(yaml.safe_dump(actions, allow_unicode=True))
    with pytest.raises(InventoryError) as raised:
        load_inventory(tmp_path)
    text = "\n".join(raised.value.errors)
    assert "'startDate' is geen datum en tijd" in text and "'courseMode' moet" in text
    assert "'status' bestaat niet meer" in text
    assert ActionPage.objects.get(slug=actions[0]["slug"]).sessions.get().location == "Brugge"


def test_old_links_with_status_lopend_still_work(client, site_tree):
    from django.http import QueryDict

    from search.params import parse

    params = parse(QueryDict("status=lopend"))
    assert params.filters["status"] == ("binnenkort", "doorlopend") and params.ignored == ()
