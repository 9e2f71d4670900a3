"""School staff accounts through django-allauth: sign-up, verification, login, throttling, the command."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import CommandError, call_command

from schools.models import BEHEERDER, Membership, School

from .conftest import PASSWORD, make_account


@pytest.mark.django_db
def test_sign_up_needs_a_verified_address_before_the_school_workspace(client):
    response = client.post(
        "/account/signup/", {"email": "nieuw@school.test", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^\s]+/account/confirm-email/[^\s]+", mail.outbox[0].body)[0]
    assert not EmailAddress.objects.get(email="nieuw@school.test").verified
    # Not verified yet: logging in leads to the "verify your address" page, not the workspace.
    client.post("/account/login/", {"login": "nieuw@school.test", "password": PASSWORD})
    assert client.get("/mijn-school/").status_code == 302

    path = link.split("testserver", 1)[1]
    client.post(path)
    assert EmailAddress.objects.get(email="nieuw@school.test").verified
    client.post("/account/login/", {"login": "nieuw@school.test", "password": PASSWORD})
    page = client.get("/mijn-school/")
    assert page.status_code == 200
    assert "Een school toevoegen" in page.content.decode()


@pytest.mark.django_db
def test_the_login_pages_are_dutch(client):
    body = client.get("/account/login/").content.decode()
    assert "Wachtwoord" in body
    assert "Aanmelden" in body or "Inloggen" in body


@pytest.mark.django_db
def test_too_many_wrong_passwords_lock_the_school_login(client, settings):
    make_account("leraar@school.test")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/account/login/", {"login": "leraar@school.test", "password": "fout"}, REMOTE_ADDR="203.0.113.9"
        )
    response = client.post(
        "/account/login/", {"login": "leraar@school.test", "password": PASSWORD}, REMOTE_ADDR="203.0.113.9"
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_password_reset_sends_a_mail(client):
    make_account("leraar@school.test")
    client.post("/account/password/reset/", {"email": "leraar@school.test"})
    assert len(mail.outbox) == 1
    assert "/account/password/reset/key/" in mail.outbox[0].body


@pytest.mark.django_db
def test_create_account_makes_a_verified_school_beheerder(monkeypatch, client):
    monkeypatch.setenv("ACCOUNT_PASSWORD", PASSWORD)
    call_command(
        "create_account",
        "an",
        "--role",
        "school",
        "--email",
        "an@klimop.test",
        "--school",
        "De Klimop",
        "--noinput",
    )
    user = User.objects.get(username="an")
    assert EmailAddress.objects.get(user=user).verified
    assert Membership.objects.get(user=user).role == BEHEERDER
    assert not user.is_staff and not user.groups.exists()
    client.post("/account/login/", {"login": "an@klimop.test", "password": PASSWORD})
    assert "De Klimop" in client.get("/mijn-school/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "extra",
    [
        ["--email", "an@klimop.test"],  # no school
        ["--school", "De Klimop"],  # no e-mail
        ["--email", "geen-adres", "--school", "De Klimop"],
    ],
)
def test_create_account_refuses_bad_input_and_writes_nothing(monkeypatch, extra):
    monkeypatch.setenv("ACCOUNT_PASSWORD", PASSWORD)
    with pytest.raises(CommandError, match="niets gewijzigd"):
        call_command("create_account", "an", "--role", "school", *extra, "--noinput")
    assert not User.objects.exists() and not School.objects.exists()


@pytest.mark.django_db
def test_editorial_roles_still_work_through_the_extended_command(monkeypatch):
    monkeypatch.setenv("ACCOUNT_PASSWORD", PASSWORD)
    call_command("create_account", "red", "--role", "redacteur", "--noinput")
    assert User.objects.get(username="red").groups.filter(name="Redacteur").exists()
