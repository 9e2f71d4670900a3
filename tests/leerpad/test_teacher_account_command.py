"""`create_account NAME --role leraar --email E --noinput`: a verified teacher account, no school."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from schools.models import Membership

pytestmark = pytest.mark.django_db


def test_a_teacher_account_is_verified_and_can_log_in(client, monkeypatch):
    monkeypatch.setenv("ACCOUNT_PASSWORD", "Een-sterk-wachtwoord-42")
    call_command("create_account", "juf-an", "--role", "leraar", "--email", "An@School.test", "--noinput")
    user = User.objects.get(username="juf-an")
    assert EmailAddress.objects.get(user=user).verified and user.email == "an@school.test"
    assert not user.groups.exists() and not Membership.objects.filter(user=user).exists()
    assert (
        client.post(
            "/account/login/", {"login": "an@school.test", "password": "Een-sterk-wachtwoord-42"}
        ).status_code
        == 302
    )
    assert client.get("/mijn-leerpad/").status_code == 200


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--email", "geen-adres"], "geldig --email"),
        (["--email", "b@school.test", "--school", "X"], "--school hoort niet"),
    ],
)
def test_bad_input_stops_before_anything_is_written(monkeypatch, args, message):
    monkeypatch.setenv("ACCOUNT_PASSWORD", "Een-sterk-wachtwoord-42")
    with pytest.raises(CommandError, match=message):
        call_command("create_account", "juf-b", "--role", "leraar", "--noinput", *args)
    assert not User.objects.filter(username="juf-b").exists()


def test_the_other_roles_still_work(monkeypatch, db):
    monkeypatch.setenv("ACCOUNT_PASSWORD", "Een-sterk-wachtwoord-42")
    call_command(
        "create_account",
        "dir",
        "--role",
        "school",
        "--email",
        "d@s.test",
        "--school",
        "De Klimop",
        "--noinput",
    )
    assert Membership.objects.filter(user__username="dir").exists()
