"""An e-mail when an offer a teacher follows gets a new session: only after the teacher chose it,
once per session (however often it is saved, imported or harvested again), with an unsubscribe link."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from actors.session import ActionSession
from leerpad.models import SavedOffer, SessionMail, SessionNotice
from tests import factories
from tests.harvest.conftest import FIXTURES

from .conftest import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(offer):
    return offer("Programmeren met micro:bits", competences=["2.1"])


def new_session(page, days=20, **fields):
    start = (timezone.now() + dt.timedelta(days=days)).replace(microsecond=0)
    return ActionSession.objects.create(action=page, start=start, location="Gent", **fields)


def test_nothing_is_mailed_or_stored_until_the_teacher_chooses(client, course, teacher):
    SavedOffer.objects.create(user=teacher, offer=course, following=True)
    page = login(client, teacher).get("/mijn-leerpad/").text
    assert 'id="mail-nee" name="mail" value="nee" checked' in page
    client.post("/mijn-leerpad/e-mail/", {"mail": "nee"})
    new_session(course)
    assert mail.outbox == [] and not SessionMail.objects.exists() and not SessionNotice.objects.exists()


def test_a_new_session_is_mailed_once_with_an_unsubscribe_link(client, course, offer, teacher):
    SavedOffer.objects.create(user=teacher, offer=course, following=True)
    SavedOffer.objects.create(user=teacher, offer=offer("Alleen bewaard"), following=False)
    assert login(client, teacher).post("/mijn-leerpad/e-mail/", {"mail": "ja"}).status_code == 302
    session = new_session(course)
    new_session(SavedOffer.objects.get(following=False).offer)  # saved, not followed: no mail
    new_session(course, days=-3)  # already past: no mail
    new_session(course, days=40, status="geannuleerd")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    token = SessionMail.objects.get(user=teacher).token
    assert message.to == [teacher.email] and course.title in message.subject
    assert f"/mijn-leerpad/e-mail/uit/{token}/" in message.body and "Gent" in message.body
    assert token in message.extra_headers["List-Unsubscribe"]
    session.location = "Antwerpen"
    session.save()  # a re-save
    ActionSession.objects.filter(pk=session.pk).delete()
    ActionSession.objects.create(action=course, start=session.start, location="Gent")  # a re-import
    assert len(mail.outbox) == 1
    assert list(SessionNotice.objects.values_list("user", "offer", "start")) == [
        (teacher.pk, course.pk, session.start)
    ]


def test_a_session_published_with_the_offer_is_mailed_once(client, course, teacher):
    """The editor, the session import and the harvest all publish a revision with the new sessions."""
    SavedOffer.objects.create(user=teacher, offer=course, following=True)
    login(client, teacher).post("/mijn-leerpad/e-mail/", {"mail": "ja"})
    draft = course.get_latest_revision_as_object()
    draft.sessions.add(ActionSession(start=timezone.now() + dt.timedelta(days=9), location="Leuven"))
    revision = draft.save_revision()
    assert mail.outbox == []  # a draft mails nobody
    revision.publish()
    course.refresh_from_db()
    course.save_revision().publish()  # published again, unchanged
    assert len(mail.outbox) == 1 and "Leuven" in mail.outbox[0].body


def test_a_session_arriving_through_the_harvest_is_mailed_once(client, site_tree, feeds, teacher):
    provider = factories.actor("Aanbieder vzw")
    toetsen = factories.action("Werkplaats digitale toetsen", organisers=[provider])
    SavedOffer.objects.create(user=teacher, offer=toetsen, following=True)
    login(client, teacher).post("/mijn-leerpad/e-mail/", {"mail": "ja"})
    header, first, *_ = (FIXTURES / "valid.ics").read_text().split("BEGIN:VEVENT")
    feeds.routes["/een.ics"] = (f"{header}BEGIN:VEVENT{first}END:VCALENDAR\r\n".encode(), "text/calendar")
    args = ("harvest_source", f"{feeds.base}/een.ics")
    options = {"kind": "ical", "actor": provider.slug, "trust": "live", "stdout": io.StringIO()}
    call_command(*args, **options)
    assert len(mail.outbox) == 1 and "Campus Noord" in mail.outbox[0].body
    assert mail.outbox[0].to == [teacher.email]
    body, kind = feeds.routes["/een.ics"]
    feeds.routes["/een.ics"] = (body.replace(b"DTSTAMP:20261201", b"DTSTAMP:20261202"), kind)  # a new ETag
    call_command(*args, **options)  # harvested again, read again: the same session, no second mail
    assert len(mail.outbox) == 1


def test_the_unsubscribe_link_asks_then_stops_the_mails(course, teacher):
    SavedOffer.objects.create(user=teacher, offer=course, following=True)
    choice = SessionMail.objects.create(user=teacher, wanted=True)
    anonymous = Client()
    link = f"/mijn-leerpad/e-mail/uit/{choice.token}/"
    assert "Ja, stuur me geen e-mails meer" in anonymous.get(link).text
    choice.refresh_from_db()
    assert choice.wanted  # opening the link (or a mail scanner) changes nothing
    assert "geen e-mails meer" in anonymous.post(link).text
    assert anonymous.get("/mijn-leerpad/e-mail/uit/geraden/").status_code == 404
    new_session(course)
    assert mail.outbox == []
