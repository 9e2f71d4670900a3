"""/agenda/: the coming sessions by month, filtered by the search facets, and as iCalendar feeds that a
real parser (icalendar) reads."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from actors.models import ActionPage, ActionSession
from portal.taxonomy import Pillar
from tests import factories

pytestmark = pytest.mark.django_db


def add_sessions(page, *days, **fields):
    now = timezone.now().replace(second=0, microsecond=0)
    page.sessions = [
        ActionSession(
            start=now + datetime.timedelta(days=d),
            end=now + datetime.timedelta(days=d, hours=2),
            location="Leuven",
            **fields,
        )
        for d in days
    ]
    page.save_revision().publish()
    return ActionPage.objects.get(pk=page.pk)


@pytest.fixture
def agenda(site_tree):
    robots = add_sessions(
        factories.action("Robots in de klas"), 3, 40, -10, registration_url="https://r.example.be/"
    )
    media = factories.action("Mediawijsheid")
    media.pillars = list(Pillar.objects.filter(code="netwerken"))
    media = add_sessions(media, 5)
    cancelled = add_sessions(factories.action("Afgelaste vorming"), 8, 12)
    first = ActionSession.objects.filter(action=cancelled).order_by("start").first()
    ActionSession.objects.filter(pk=first.pk).update(status="geannuleerd")  # one of its two is called off
    past_only = add_sessions(factories.action("Voorbij"), -3)
    draft = factories.action("Nog niet gepubliceerd", live=False)
    draft.sessions = [ActionSession(start=timezone.now() + datetime.timedelta(days=2), location="Gent")]
    draft.save_revision()
    return {"robots": robots, "media": media, "cancelled": cancelled, "past": past_only}


def test_the_agenda_lists_coming_sessions_by_month(client, agenda):
    response = client.get("/agenda/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Agenda</h1>" in html
    assert html.count("Robots in de klas</a>") == 2  # two coming sessions, the past one is gone
    assert "Mediawijsheid</a>" in html and "Voorbij</a>" not in html
    assert "Nog niet gepubliceerd" not in html
    assert "Afgelaste vorming</a>" in html and "Geannuleerd" in html
    assert html.index("Robots in de klas") < html.index("Mediawijsheid")  # soonest first
    months = {
        timezone.localtime(timezone.now() + datetime.timedelta(days=d)).strftime("%Y-%m") for d in (3, 40)
    }
    for month in months:
        assert f'id="maand-{month}"' in html


def test_the_agenda_filters_with_the_search_facets(client, agenda):
    html = client.get("/agenda/", {"pijler": "netwerken"}).content.decode()
    assert "Mediawijsheid</a>" in html and "Robots in de klas</a>" not in html
    assert "/agenda.ics?pijler=netwerken" in html
    html = client.get("/agenda/", {"q": "robots"}).content.decode()
    assert "Robots in de klas</a>" in html and "Mediawijsheid</a>" not in html
    html = client.get("/agenda/", {"q": "bestaatnietwoord"}).content.decode()
    assert "Er zijn geen komende sessies voor deze zoekopdracht" in html
    assert client.get("/agenda/", {"pijler": "<script>", "pagina": "x"}).status_code == 200


def parse_calendar(response) -> Calendar:
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_the_ics_feed_is_valid_icalendar(client, agenda):
    calendar = parse_calendar(client.get("/agenda.ics"))
    events = calendar.walk("VEVENT")
    summaries = sorted(str(event["SUMMARY"]) for event in events)
    assert summaries == [
        "Afgelaste vorming",
        "Afgelaste vorming (geannuleerd)",
        "Mediawijsheid",
        "Robots in de klas",
        "Robots in de klas",
    ]
    robots = next(event for event in events if str(event["SUMMARY"]) == "Robots in de klas")
    assert robots.decoded("DTSTART") > timezone.now()
    assert robots.decoded("DTEND") > robots.decoded("DTSTART")
    assert str(robots["LOCATION"]) == "Leuven" and str(robots["URL"]).endswith(agenda["robots"].url)
    assert "https://r.example.be/" in str(robots["DESCRIPTION"])
    cancelled = next(event for event in events if "geannuleerd" in str(event["SUMMARY"]))
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert len({str(event["UID"]) for event in events}) == 5


def test_any_search_has_an_ics_feed(client, agenda):
    calendar = parse_calendar(client.get("/zoeken/", {"pijler": "netwerken", "format": "ics"}))
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Mediawijsheid"]
    calendar = parse_calendar(client.get("/agenda.ics", {"q": "geen-enkel-resultaat-hier"}))
    assert calendar.walk("VEVENT") == []


def test_the_agenda_costs_a_fixed_number_of_queries(client, agenda, django_assert_max_num_queries):
    client.get("/agenda/")
    with django_assert_max_num_queries(25):
        client.get("/agenda/")
