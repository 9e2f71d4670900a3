"""A teacher's rights: download everything kept about them, and delete the account (confirmation,
then gone: results, memberships, shared answers withdrawn), also when an administrator deletes it."""

import json

import pytest
from django.contrib.auth.models import User

from schools import personal_data, rounds
from schools.models import LEZER, Membership, PersonalResult, School, SharedResult, TeamAnswer, TeamRound

from .conftest import PASSWORD, make_account, result_code

DELETE = "/mijn-school/account-verwijderen/"
DATA = "/mijn-school/mijn-gegevens.json"


@pytest.fixture
def teacher(school, director):
    return make_account("leraar@klimop.test", school, role=LEZER)


@pytest.fixture
def shared(teacher, school):
    """The teacher kept a result and shared it with an open round, next to a colleague's answer."""
    team_round = TeamRound.objects.create(school=school, title="Najaar 2026")
    TeamAnswer.objects.create(round=team_round, levels={"1.1": 1})
    result = PersonalResult.objects.create(
        user=teacher, code=result_code(3), taken_on="2026-10-01", consented_at="2026-10-01T10:00Z"
    )
    answer = rounds.answer_with_account(team_round, teacher, result.code)
    SharedResult.objects.create(result=result, round=team_round, answer=answer)
    return team_round


def login(client, user):
    client.post("/account/login/", {"login": user.email, "password": PASSWORD})
    return client


@pytest.mark.django_db
def test_the_download_holds_the_account_memberships_and_results(client, teacher, shared):
    personal_data.register("proef", lambda user: {"notes": [f"van {user.email}"]})
    try:
        response = login(client, teacher).get(DATA)
    finally:
        personal_data._EXPORTERS.pop("proef")
    assert response["Content-Disposition"] == 'attachment; filename="mijn-gegevens.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == "leraar@klimop.test"
    assert data["schools"]["memberships"] == [{"school": "Basisschool De Klimop", "role": "lezer"}]
    [result] = data["schools"]["personal_results"]
    assert result["code"] == result_code(3) and result["shared_with"][0]["round"] == "Najaar 2026"
    assert data["proef"] == {"notes": ["van leraar@klimop.test"]}  # another app's data, via the registry
    assert "directie@klimop.test" not in response.content.decode()


@pytest.mark.django_db
def test_deleting_the_account_asks_first_then_removes_everything(client, teacher, shared, school):
    login(client, teacher)
    page = client.get(DELETE).content.decode()
    assert "Typ je wachtwoord om te bevestigen" in page and User.objects.filter(pk=teacher.pk).exists()
    wrong = client.post(DELETE, {"password": "fout"})
    assert wrong.status_code == 400 and "Er is niets gewist" in wrong.content.decode()
    assert User.objects.filter(pk=teacher.pk).exists()
    response = client.post(DELETE, {"password": PASSWORD}, follow=True)
    assert "Je account en al je gegevens zijn gewist" in response.content.decode()
    assert not User.objects.filter(pk=teacher.pk).exists()
    assert not PersonalResult.objects.exists() and not Membership.objects.filter(user_id=teacher.pk).exists()
    assert TeamAnswer.objects.count() == 1  # the colleague's answer stays, the teacher's is withdrawn
    assert not shared.tickets.filter(email="leraar@klimop.test").exists()
    assert School.objects.filter(pk=school.pk).exists()


@pytest.mark.django_db
def test_an_administrator_deleting_the_user_withdraws_the_shared_answer_too(teacher, shared):
    User.objects.filter(pk=teacher.pk).delete()
    assert TeamAnswer.objects.count() == 1 and not PersonalResult.objects.exists()


@pytest.mark.django_db
def test_the_last_beheerder_hands_over_before_leaving(client, director, teacher):
    response = login(client, director).post(DELETE, {"password": PASSWORD})
    assert response.status_code == 400 and "Duid eerst een andere beheerder aan" in response.content.decode()
    assert User.objects.filter(pk=director.pk).exists()


@pytest.mark.django_db
def test_a_workspace_with_only_this_member_goes_with_the_account(client, stranger):
    login(client, stranger).post(DELETE, {"password": PASSWORD})
    assert not School.objects.filter(name="Sint-Jozef").exists()


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client):
    for url in (DELETE, DATA):
        response = client.get(url)
        assert response.status_code == 302 and "/account/login/" in response["Location"]
