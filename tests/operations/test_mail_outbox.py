"""A mail server that is down never breaks a request: every mail is queued in the database outbox
(with the data it belongs to), sent later by `manage.py send_outbox` with retries, and reported to the
editors when it keeps failing. A form sent twice (a retry, a double click) does not act twice."""

import io
import socket

import pytest
from django.core import mail
from django.core.management import call_command
from mailer.models import Message

from portal.settings import base
from schools.models import Invitation, Membership
from submissions.models import Submission
from tests.schools.conftest import PASSWORD
from tests.submissions.test_public_submissions import OFFER


def closed_port() -> int:
    """A loopback port of this helper's range that nothing listens on."""
    for port in range(9390, 9400):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no closed port in 9390-9399")


@pytest.fixture
def smtp_down(settings):
    """Production's mail set-up (the outbox, then SMTP) with the SMTP port closed."""
    settings.EMAIL_BACKEND = base.EMAIL_BACKEND
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_TIMEOUT = 2
    settings.MAILER_EMAIL_MAX_RETRIES = 2
    return settings


@pytest.fixture
def manager(db):
    from schools.models import School
    from tests.schools.conftest import make_account

    school = School.objects.create(name="Basisschool Het Anker", network="go", levels=["lager"])
    return make_account("directie@anker.test", school)


@pytest.mark.django_db
def test_an_invitation_is_saved_and_queued_when_smtp_is_down_and_a_retry_adds_nothing(
    client, smtp_down, manager
):
    client.post("/account/login/", {"login": manager.email, "password": PASSWORD})
    school = Membership.objects.get(user=manager).school
    for _ in range(2):  # the user presses the button again
        response = client.post(
            f"/mijn-school/scholen/{school.pk}/uitnodigen/", {"email": "leraar@anker.test", "role": "lezer"}
        )
        assert response.status_code == 302
    assert Invitation.objects.filter(email="leraar@anker.test").count() == 1
    assert [m.email.to for m in Message.objects.all()] == [["leraar@anker.test"]]
    page = client.get(response.url).content.decode()
    assert "leraar@anker.test is al uitgenodigd; die uitnodiging is verstuurd." in page


@pytest.mark.django_db
def test_an_offer_is_saved_once_and_confirmed_later_when_smtp_is_down(client, site_tree, smtp_down):
    for _ in range(2):
        assert client.post("/aanbod/aanmelden/", OFFER).status_code == 302
    assert Submission.objects.count() == 1
    assert ["aanbieder@example.be"] in [m.email.to for m in Message.objects.all()]
    other = {**OFFER, "title": "Een tweede, ander aanbod"}
    assert client.post("/aanbod/aanmelden/", other).status_code == 302
    assert Submission.objects.count() == 2


@pytest.mark.django_db
def test_a_password_reset_is_queued_when_smtp_is_down(client, smtp_down, manager):
    response = client.post("/account/password/reset/", {"email": manager.email})
    assert response.status_code == 302
    assert Message.objects.get().email.to == [manager.email]


@pytest.mark.django_db
def test_the_outbox_retries_then_reports_a_dead_letter(smtp_down, manager):
    from django.core.mail import send_mail

    send_mail("Uitnodiging", "Welkom", None, ["leraar@anker.test"])
    for _ in range(3):  # SMTP still down: every pass fails, nothing raises
        call_command("send_outbox", stdout=io.StringIO())
    out = io.StringIO()
    call_command("send_outbox", "--report", stdout=out)
    report = out.getvalue()
    assert "leraar@anker.test | Uitnodiging | 3 pogingen" in report and "1 mislukte e-mail(s)." in report
    assert "refused" in report.lower() or "111" in report

    smtp_down.MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Message.objects.update(retry_count=0)  # an editor retries it once the server is back
    call_command("send_outbox", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["leraar@anker.test"]] and not Message.objects.exists()


@pytest.mark.django_db
def test_editors_see_dead_letters_in_the_admin_and_retry_one(client, smtp_down, manager):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.mail import send_mail

    send_mail("Uitnodiging", "Welkom", None, ["leraar@anker.test"])
    for _ in range(3):
        call_command("send_outbox", stdout=io.StringIO())
    client.force_login(manager)  # a school member: no access
    assert client.get("/admin/beheer/uitgaande-e-mail/").status_code in (302, 403)
    editor = get_user_model().objects.create_user("redacteur", "redactie@example.be", "een-lang-wachtwoord")
    editor.groups.add(Group.objects.get(name="Redacteur"))
    client.force_login(editor)
    page = client.get("/admin/beheer/uitgaande-e-mail/").content.decode()
    assert "leraar@anker.test" in page and "Mislukt: 1" in page
    response = client.post(
        "/admin/beheer/uitgaande-e-mail/", {"bericht": Message.objects.get().pk}, follow=True
    )
    assert "staat weer in de wachtrij" in response.content.decode()
    assert Message.objects.non_deferred().count() == 1
    response = client.post("/admin/beheer/uitgaande-e-mail/", {"bericht": "9" * 30}, follow=True)
    assert "niet (meer)" in response.content.decode()
