"""`manage.py create_account` (and `make account`): an account for each role, or a partner linked to actors."""

import os
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command, get_commands
from django.core.management.base import CommandError

from editorial.accounts import registry
from tests import factories

PASSWORD = "een-lang-wachtwoord-2026"


@pytest.fixture
def password(monkeypatch):
    monkeypatch.setenv("ACCOUNT_PASSWORD", PASSWORD)


@pytest.mark.parametrize(
    "role, group",
    [("redacteur", "Redacteur"), ("eindredacteur", "Eindredacteur"), ("beheerder", "Beheerder")],
)
def test_an_account_for_each_editorial_role(password, role, group, client, site_tree):
    call_command("create_account", "an", role=role, noinput=True)
    user = get_user_model().objects.get(username="an")
    assert list(user.groups.values_list("name", flat=True)) == [group]
    assert client.login(username="an", password=PASSWORD)
    assert client.get("/admin/").status_code == 200


def test_a_partner_account_is_linked_to_its_actors(password, site_tree):
    own = factories.actor("Kennisnet Vlaanderen")
    action = factories.action("Vorming", organisers=[own])
    call_command("create_account", "kennisnet", role="partner", actor=[own.slug], noinput=True)
    partner = get_user_model().objects.get(username="kennisnet")
    assert partner.groups.filter(name="Partnerbijdrager").exists()
    assert action.permissions_for_user(partner).can_edit()
    assert not action.permissions_for_user(partner).can_publish()


@pytest.mark.parametrize(
    "args, options, message",
    [
        (["bestaand"], {"role": "redacteur"}, "bestaat al"),
        (["nieuw"], {"role": "partner", "actor": ["bestaat-niet"]}, "Onbekende actor: bestaat-niet"),
        (["nieuw"], {"role": "partner"}, "minstens één --actor"),
        (["nieuw"], {"role": "redacteur", "actor": ["x"]}, "alleen bij --role partner"),
        (["nieuw"], {"role": "koning"}, "invalid choice"),
    ],
)
def test_bad_input_gives_a_message_and_writes_nothing(password, site_tree, args, options, message):
    get_user_model().objects.create_user("bestaand", "", PASSWORD)
    with pytest.raises(CommandError, match=message):
        call_command("create_account", *args, noinput=True, **options)
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["bestaand"]


def test_a_weak_password_is_refused(monkeypatch, site_tree):
    monkeypatch.setenv("ACCOUNT_PASSWORD", "1234")
    with pytest.raises(CommandError, match="Wachtwoord geweigerd"):
        call_command("create_account", "zwak", role="redacteur", noinput=True)
    assert not get_user_model().objects.exists()


def _no_terminal(prompt=""):
    raise EOFError  # what getpass does when `make account` runs without a terminal


def test_make_account_without_a_terminal_reads_account_password(password, monkeypatch, site_tree):
    monkeypatch.setattr("getpass.getpass", _no_terminal)
    call_command("create_account", "an", role="redacteur")  # as the Makefile calls it: no --noinput
    assert get_user_model().objects.get(username="an").check_password(PASSWORD)


def test_without_a_terminal_nor_account_password_it_says_what_to_set(monkeypatch, site_tree):
    monkeypatch.delenv("ACCOUNT_PASSWORD", raising=False)
    monkeypatch.setattr("getpass.getpass", _no_terminal)
    with pytest.raises(CommandError, match="zet ACCOUNT_PASSWORD"):
        call_command("create_account", "an", role="redacteur")
    assert not get_user_model().objects.exists()


def test_one_create_account_command_serves_every_role():
    """No app overrides the command through INSTALLED_APPS order: schools and leerpad register roles."""
    assert get_commands()["create_account"] == "editorial"
    assert {"redacteur", "eindredacteur", "beheerder", "partner", "school", "leraar"} <= set(registry.roles)


@pytest.mark.parametrize("password_set", [True, False])
def test_make_account_passes_noinput_only_when_account_password_is_set(password_set):
    env = {key: value for key, value in os.environ.items() if key != "ACCOUNT_PASSWORD"}
    if password_set:
        env["ACCOUNT_PASSWORD"] = PASSWORD
    dry_run = subprocess.run(
        ["make", "-n", "account", "NAME=an", "ROLE=redacteur"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    command = " ".join(dry_run.stdout.split("create_account", 1)[1].split())
    assert command.startswith('"an" --role "redacteur"')
    assert ("--noinput" in command) is password_set
