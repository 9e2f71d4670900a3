"""Sessions that make a decision possible: the agenda filters on this week / this month, online, free
and province, shows registration and language; the home page's "Start binnenkort" comes from real
coming sessions only; a result card says where the next session is and what it costs."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from actors.agenda import SessionFilters
from actors.models import ActionPage, ActionSession
from actors.provinces import province_of
from tests import factories

pytestmark = pytest.mark.django_db


def at(days: int, hour: int = 10) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def with_sessions(page, *sessions):
    page.sessions = list(sessions)
    page.save_revision().publish()
    return ActionPage.objects.get(pk=page.pk)


@pytest.fixture
def offers(site_tree):
    # Wednesday of next week .. far ahead; the week filter is tested relative to "now" below.
    return {
        "online": with_sessions(
            factories.action("Webinar toetsen"),
            ActionSession(start=at(1), course_mode="online", language="en"),
        ),
        "gent": with_sessions(
            factories.action("Werkplaats Gent"),
            ActionSession(
                start=at(2),
                location="Sint-Pietersnieuwstraat 1, 9000 Gent",
                price=Decimal("45"),
                registration_url="https://gent.example.be/inschrijven",
            ),
        ),
        "hasselt": with_sessions(
            factories.action("Dag in Hasselt"),
            ActionSession(start=at(45), location="Hasselt", status="volzet"),
        ),
    }


def titles(html: str) -> list[str]:
    return [part.split("</a>")[0].split(">")[-1] for part in html.split("<h4>")[1:]]


def test_the_agenda_filters_online_free_province_and_period(client, offers):
    assert set(titles(client.get("/agenda/").content.decode())) == {
        "Webinar toetsen",
        "Werkplaats Gent",
        "Dag in Hasselt",
    }
    assert titles(client.get("/agenda/", {"online": "ja"}).content.decode()) == ["Webinar toetsen"]
    assert set(titles(client.get("/agenda/", {"prijs": "gratis"}).content.decode())) == {
        "Webinar toetsen",
        "Dag in Hasselt",
    }
    assert titles(client.get("/agenda/", {"provincie": "oost-vlaanderen"}).content.decode()) == [
        "Werkplaats Gent"
    ]
    assert titles(client.get("/agenda/", {"provincie": "limburg"}).content.decode()) == ["Dag in Hasselt"]
    month = client.get("/agenda/", {"wanneer": "maand"}).content.decode()
    assert "Dag in Hasselt" not in titles(month)
    html = client.get("/agenda/", {"provincie": "limburg", "prijs": "gratis"}).content.decode()
    assert (
        'aria-label="Filter Limburg verwijderen"' in html
        and "provincie=limburg" in html.split("agenda.ics")[1][:80]
    )
    # nonsense values are ignored, never an error
    assert client.get("/agenda/", {"wanneer": "ooit", "provincie": "mars"}).status_code == 200


def test_the_week_and_month_end_where_a_visitor_expects():
    wednesday = timezone.make_aware(datetime.datetime(2027, 1, 20, 9, 0))
    week_end = SessionFilters(period="week").period_end(wednesday)
    assert timezone.localtime(week_end).replace(tzinfo=None) == datetime.datetime(2027, 1, 25, 0, 0)
    month_end = SessionFilters(period="maand").period_end(wednesday)
    assert timezone.localtime(month_end).replace(tzinfo=None) == datetime.datetime(2027, 2, 1, 0, 0)


def test_agenda_items_show_language_cost_full_and_registration(client, offers):
    html = client.get("/agenda/").content.decode()
    webinar = html[html.index("Webinar toetsen") :].split("</ul>")[0]
    assert "Online" in webinar and "Engels" in webinar and "Gratis" in webinar
    gent = html[html.index("Werkplaats Gent") :]
    assert "€ 45" in gent and 'href="https://gent.example.be/inschrijven"' in gent
    hasselt = html[html.index("Dag in Hasselt") :]
    assert "<strong>Volzet</strong>" in hasselt.split("</ul>")[0]


def test_home_shows_start_binnenkort_from_real_sessions_only(client, site_tree):
    old = factories.action("Oud aanbod uit 2020")
    with_sessions(old, ActionSession(start=at(-400), location="Gent"))
    html = client.get("/").content.decode()
    assert (
        "Start binnenkort" not in html and "Oud aanbod uit 2020" not in html and "Recent aanbod" not in html
    )

    with_sessions(factories.action("Webinar toetsen"), ActionSession(start=at(3), course_mode="online"))
    html = client.get("/").content.decode()
    assert "Start binnenkort" in html and "Webinar toetsen" in html and "Oud aanbod uit 2020" not in html


def test_a_result_card_says_where_and_what_the_next_session_costs(client, offers):
    from search.indexing import rebuild

    rebuild()
    html = client.get("/zoeken/", {"q": "Hasselt"}).content.decode()
    assert "· Hasselt · gratis · volzet</dd>" in html


@pytest.mark.parametrize(
    "location, province",
    [
        ("Sint-Pietersnieuwstraat 1, 9000 Gent", "oost-vlaanderen"),
        ("2800 Mechelen", "antwerpen"),
        ("Leuven", "vlaams-brabant"),
        ("1000 Brussel", "brussel"),
        ("4000 Liège", "wallonie"),
        ("ergens", ""),
    ],
)
def test_the_province_is_read_from_postcode_or_municipality(location, province):
    assert province_of(location) == province
