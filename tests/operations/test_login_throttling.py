"""Repeated wrong passwords lock a username for that IP address (django-axes on Wagtail's login), with
a Dutch message; a Beheerder unlocks it, nobody else may."""

import pytest
from django.contrib.auth.models import Group, User

PASSWORD = "Een-lang-en-sterk-wachtwoord-42"


def make_user(name, group=None):
    user = User.objects.create_user(name, password=PASSWORD)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def login(client, username, password, ip="203.0.113.5"):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=ip, follow=False
    )


@pytest.fixture
def editor(db):
    return make_user("redacteur-an", "Redacteur")


def lock_out(client, username, settings, ip="203.0.113.5"):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = login(client, username, "fout", ip)
        assert response.status_code in (200, 429)


def test_the_right_password_after_too_many_wrong_ones_is_refused(client, editor, settings):
    lock_out(client, editor.username, settings)
    response = login(client, editor.username, PASSWORD)
    assert response.status_code == 429
    text = response.content.decode()
    assert "Aanmelden tijdelijk geblokkeerd" in text and "beheerder" in text
    assert "_auth_user_id" not in client.session


def test_the_lock_is_per_username_and_address(client, editor, settings):
    lock_out(client, editor.username, settings)
    assert login(client, editor.username, PASSWORD, ip="198.51.100.7").status_code == 302  # other address
    client.logout()
    other = make_user("redacteur-bo", "Redacteur")
    assert login(client, other.username, PASSWORD).status_code == 302  # other username, same address


def test_a_good_login_before_the_limit_resets_the_count(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, editor.username, "fout")
    assert login(client, editor.username, PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, editor.username, "fout")
    assert login(client, editor.username, PASSWORD).status_code == 302


def test_a_beheerder_unlocks_and_the_user_logs_in_again(client, editor, settings):
    lock_out(client, editor.username, settings)
    manager = make_user("beheerder-cas", "Beheerder")
    manager_client = type(client)()
    manager_client.force_login(manager)
    page = manager_client.get("/admin/beheer/geblokkeerd/")
    assert page.status_code == 200 and "redacteur-an" in page.content.decode()
    from axes.models import AccessAttempt

    attempt = AccessAttempt.objects.get(username=editor.username)
    response = manager_client.post("/admin/beheer/geblokkeerd/", {"attempt": attempt.pk}, follow=True)
    assert "is gedeblokkeerd" in response.content.decode()
    assert login(client, editor.username, PASSWORD).status_code == 302


def test_only_account_managers_see_the_lockouts(client, editor):
    client.force_login(editor)
    assert client.get("/admin/beheer/geblokkeerd/").status_code in (302, 403)
    assert client.post("/admin/beheer/geblokkeerd/", {"attempt": "1"}).status_code in (302, 403)


def test_a_bad_unlock_request_changes_nothing(client, db):
    client.force_login(make_user("beheerder-dirk", "Beheerder"))
    response = client.post("/admin/beheer/geblokkeerd/", {"attempt": "geen-getal"}, follow=True)
    assert response.status_code == 200 and "bestaat niet (meer)" in response.content.decode()


def test_one_address_trying_many_usernames_is_stopped(client, editor, settings):
    for n in range(30):
        response = login(client, f"naam-{n}", "Zomer2024!")
        if response.status_code == 429:
            break
    assert response.status_code == 429 and n < 30
    assert "Even geduld" in response.content.decode()
    # The right password from that address waits too; another address logs in.
    assert login(client, editor.username, PASSWORD).status_code == 429
    assert login(client, editor.username, PASSWORD, ip="198.51.100.7").status_code == 302
