"""Harvesting providers' feeds: iCalendar, a page with schema.org JSON-LD and CSV become sessions of
the provider's offers; an editor's change is never overwritten; a bad source changes nothing, says
what went wrong and never stops the others; editors see each source's last run and can run it now."""

import datetime
import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from icalendar import Calendar
from wagtail.models import WorkflowState

from actors.models import ActionPage, ActionSession
from harvest.models import HarvestSource
from tests import factories

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider(site_tree):
    actor = factories.actor("Aanbieder vzw")
    toetsen = factories.action("Werkplaats digitale toetsen", organisers=[actor])
    ai = factories.action("AI in de klas", organisers=[actor])
    ai.website = "https://aanbieder.example.be/cursus-ai"
    ai.save_revision().publish()
    other = factories.action("Werkplaats digitale toetsen bij een ander")
    return {"actor": actor, "toetsen": toetsen, "ai": ActionPage.objects.get(pk=ai.pk), "other": other}


def run(*args, **options) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, **options)
    return out.getvalue()


def sessions_of(page) -> list[ActionSession]:
    return list(ActionPage.objects.get(pk=page.pk).sessions.order_by("start"))


def test_an_ical_feed_fills_the_agenda_and_a_second_run_changes_nothing(client, feeds, provider):
    out = run(
        "harvest_source", f"{feeds.base}/agenda.ics", kind="ical", actor=provider["actor"].slug, trust="live"
    )
    last = out.strip().splitlines()[-1]
    assert "3 nieuw" in last and "0 niet gekoppeld" in last and "1 aanbod gepubliceerd" in last
    assert "1 nieuw aanbod voorgesteld" in last
    assert "Nieuw aanbod voorgesteld (concept ter controle): ‘Een cursus die het portaal niet kent’" in out
    first, second = sessions_of(provider["toetsen"])
    assert first.location == "Campus Noord, 9000 Gent" and first.course_mode == "onsite"
    assert first.start.isoformat() == "2031-03-04T12:30:00+00:00"  # 13:30 in Brussels
    assert first.registration_url == "https://aanbieder.example.be/toetsen/inschrijven"
    assert second.course_mode == "online"
    assert sessions_of(provider["other"]) == []  # only the source's own provider's offers
    assert all("LeerkrachtPortaal-oogster" in agent for agent in feeds.seen_agents)

    calendar = Calendar.from_ical(client.get("/agenda.ics").content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")].count("Werkplaats digitale toetsen") == 2

    out = run(
        "harvest_source", f"{feeds.base}/agenda.ics", kind="ical", actor=provider["actor"].slug, trust="live"
    )
    assert "ongewijzigd sinds de vorige keer" in out.strip().splitlines()[-1]  # ETag: 304
    assert HarvestSource.objects.count() == 1


def test_an_editors_change_is_never_overwritten_and_a_vanished_session_is_closed(feeds, provider):
    run("harvest_source", f"{feeds.base}/agenda.ics", kind="ical", actor=provider["actor"].slug, trust="live")
    page = ActionPage.objects.get(pk=provider["toetsen"].pk)
    edited = page.sessions.order_by("start").first()
    edited.location = "Campus Zuid, 9000 Gent (gewijzigd door de redactie)"
    edited.save()
    page.save_revision().publish()

    changed = (FIXTURES / "valid.ics").read_bytes()
    changed = changed.replace(b"T160000", b"T170000")  # the provider moves the end of both
    changed = changed.split(b"BEGIN:VEVENT\r\nUID:sessie-002")[0] + b"END:VCALENDAR\r\n"  # and drops 002
    feeds.routes["/agenda.ics"] = (changed, "text/calendar")
    out = run("harvest", source=HarvestSource.objects.get().pk)
    assert "2 gesloten" in out and "1 handmatig gewijzigd" in out  # 002 and the proposed 099
    first, second = sessions_of(page)
    assert first.location.endswith("(gewijzigd door de redactie)") and first.end.hour == 15  # untouched
    assert second.status == "geannuleerd"


def test_a_json_ld_course_page_matched_by_url_waits_for_review(feeds, provider):
    out = run("harvest_source", f"{feeds.base}/cursus-ai.html", kind="jsonld", actor=provider["actor"].slug)
    assert "2 nieuw" in out.splitlines()[-1] and "1 ter controle" in out.splitlines()[-1]
    page = ActionPage.objects.get(pk=provider["ai"].pk)
    assert page.sessions.count() == 0  # trust "review": not public yet
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == WorkflowState.STATUS_IN_PROGRESS
    hasselt, online = sorted(page.get_latest_revision_as_object().sessions.all(), key=lambda s: s.start)
    assert hasselt.location == "Hogeschool, Kerkstraat 1 3500 Hasselt" and hasselt.price == Decimal("25.00")
    assert online.course_mode == "online" and online.language == "en" and online.status == "volzet"


def test_a_csv_feed_in_the_session_format(feeds, provider):
    text = (FIXTURES / "sessions.csv").read_text().replace("{slug}", provider["toetsen"].slug)
    feeds.routes["/sessies.csv"] = (text.encode("utf-8"), "text/csv; charset=utf-8")
    out = run(
        "harvest_source", f"{feeds.base}/sessies.csv", kind="csv", actor=provider["actor"].slug, trust="live"
    )
    assert "2 nieuw" in out.splitlines()[-1]
    antwerpen, online = sessions_of(provider["toetsen"])
    assert antwerpen.price == Decimal("35.00") and online.status == "volzet"


@pytest.mark.parametrize(
    "path, kind, message",
    [
        ("/kapot.ics", "ical", "geen geldig iCalendar-bestand"),
        ("/groot.ics", "ical", "te groot"),
        ("/traag.ics", "ical", "te traag"),
        ("/weg.ics", "ical", "HTTP 404"),
        ("/lus", "ical", "eindeloos door"),
        ("/agenda.ics", "jsonld", "geen schema.org-gegevens"),
    ],
)
def test_a_bad_source_changes_nothing_and_says_what_went_wrong(feeds, provider, path, kind, message):
    with pytest.raises(CommandError, match=message):
        run("harvest_source", f"{feeds.base}{path}", kind=kind, actor=provider["actor"].slug, trust="live")
    source = HarvestSource.objects.get()
    assert source.last_status == "fout" and message in source.last_message
    assert ActionSession.objects.count() == 0


def test_a_bad_source_never_stops_the_others_and_a_wrong_charset_is_read_with_a_warning(feeds, provider):
    actor = provider["actor"]
    HarvestSource.objects.create(
        name="Kapot", url=f"{feeds.base}/weg.ics", kind="ical", actor=actor, trust="live"
    )
    HarvestSource.objects.create(
        name="Goed", url=f"{feeds.base}/agenda.ics", kind="ical", actor=actor, trust="live"
    )
    HarvestSource.objects.create(
        name="Tekenset", url=f"{feeds.base}/tekenset.ics", kind="ical", actor=actor, trust="live"
    )
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 van 3"):
        call_command("harvest", stdout=out)
    assert (
        "Goed: 3 nieuw" in out.getvalue()
        and "Kapot: FOUT: De server antwoordt met HTTP 404" in out.getvalue()
    )
    assert "tekenset" in HarvestSource.objects.get(name="Tekenset").last_message
    assert "Hôtel de Ville, 1000 Brussel" in [s.location for s in sessions_of(provider["toetsen"])]


def test_editors_see_each_sources_last_run_and_fetch_it_now(client, feeds, provider):
    source = HarvestSource.objects.create(
        name="Agenda aanbieder",
        url=f"{feeds.base}/agenda.ics",
        kind="ical",
        actor=provider["actor"],
        trust="live",
    )
    run_url = f"/admin/oogst/{source.pk}/nu-ophalen/"
    assert client.post(run_url).status_code == 302 and not ActionSession.objects.exists()  # to the login
    writer = get_user_model().objects.create_user("schrijver", "s@example.be", "een-lang-wachtwoord")
    writer.groups.add(Group.objects.get(name="Redacteur"))
    client.force_login(writer)
    assert "Nu ophalen" in client.get(run_url).content.decode()
    response = client.post(run_url, follow=True)
    assert "Agenda aanbieder: 3 nieuw" in response.content.decode()
    listing = client.get("/admin/snippets/harvest/harvestsource/").content.decode()
    assert "Agenda aanbieder" in listing and "3 nieuw" in listing and run_url in listing
    edit = client.get(f"/admin/snippets/harvest/harvestsource/edit/{source.pk}/").content.decode()
    assert "Laatst opgehaald" in edit and "nieuw aanbod voorgesteld" in edit


def test_an_unknown_offer_becomes_a_draft_in_the_workflow_once(client, feeds, provider):
    args = ("harvest_source", f"{feeds.base}/agenda.ics")
    run(*args, kind="ical", actor=provider["actor"].slug, trust="live")
    draft = ActionPage.objects.get(title="Een cursus die het portaal niet kent")
    assert not draft.live and draft.has_unpublished_changes  # trust "live" never publishes new offers
    assert list(draft.organisers.all()) == [provider["actor"]]
    assert draft.get_parent().specific_class.__name__ == "ActionIndexPage"
    [session] = draft.get_latest_revision_as_object().sessions.all()
    assert session.location == "Brugge" and session.start == datetime.datetime(
        2031, 5, 1, 8, tzinfo=datetime.UTC
    )
    assert session.identifier == "sessie-099@aanbieder.example.be"
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS  # an Eindredacteur sees it
    assert "Een cursus die het portaal niet kent" not in client.get("/agenda/").content.decode()
    log = HarvestSource.objects.get().last_message
    assert "Nieuw aanbod voorgesteld (concept ter controle): ‘Een cursus die het portaal niet kent’" in log

    # the provider changes the feed (no ETag match): the same draft is found again by the UID
    changed = (FIXTURES / "valid.ics").read_bytes().replace(b"LOCATION:Brugge", b"LOCATION:Brugge centrum")
    feeds.routes["/agenda.ics"] = (changed, "text/calendar")
    out = run("harvest", source=HarvestSource.objects.get().pk)
    assert "0 nieuw aanbod voorgesteld" in out and "1 gewijzigd" in out
    assert ActionPage.objects.filter(title="Een cursus die het portaal niet kent").count() == 1
    [session] = ActionPage.objects.get(pk=draft.pk).get_latest_revision_as_object().sessions.all()
    assert session.location == "Brugge centrum"
    assert WorkflowState.objects.filter(object_id=str(draft.pk)).count() == 1

    # the editors delete the proposal: it is not proposed again
    ActionPage.objects.get(pk=draft.pk).delete()
    feeds.routes["/agenda.ics"] = ((FIXTURES / "valid.ics").read_bytes(), "text/calendar")
    out = run("harvest", source=HarvestSource.objects.get().pk)
    assert "0 nieuw aanbod voorgesteld" in out and "door de redactie verwijderd" in out
    assert not ActionPage.objects.filter(title="Een cursus die het portaal niet kent").exists()


def test_a_json_ld_course_nobody_knows_is_proposed_with_its_url_and_first_session(feeds, provider):
    html = (FIXTURES / "course.html").read_bytes().replace(b"cursus-ai", b"cursus-robots")
    feeds.routes["/cursus-robots.html"] = (html, "text/html; charset=utf-8")
    args = ("harvest_source", f"{feeds.base}/cursus-robots.html")
    out = run(*args, kind="jsonld", actor=provider["actor"].slug)
    assert "1 nieuw aanbod voorgesteld" in out.splitlines()[-1] and "2 nieuw" in out.splitlines()[-1]
    draft = ActionPage.objects.get(title="AI in de klas (cursusnaam bij de aanbieder)")
    assert draft.website == "https://aanbieder.example.be/cursus-robots" and not draft.live
    first = min(draft.get_latest_revision_as_object().sessions.all(), key=lambda s: s.start)
    assert first.start == datetime.datetime(2031, 2, 5, 8, tzinfo=datetime.UTC) and first.price == Decimal(
        "25.00"
    )
    HarvestSource.objects.update(etag="")
    out = run("harvest", source=HarvestSource.objects.get().pk)
    assert "0 nieuw aanbod voorgesteld" in out and "2 ongewijzigd" in out
    assert ActionPage.objects.filter(title=draft.title).count() == 1
