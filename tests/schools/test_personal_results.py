"""'Mijn resultaten': a teacher's own result codes, kept only with consent, seen only by them, and
shared with a team round only by a deliberate action (as one anonymous answer)."""

import pytest

from schools.models import LEZER, PersonalResult, School, SharedResult, TeamAnswer, TeamRound

from .conftest import PASSWORD, make_account, result_code

URL = "/mijn-school/mijn-resultaten/"


@pytest.fixture
def teacher(school):
    return make_account("leraar@klimop.test", school, role=LEZER)


@pytest.fixture
def logged_in(client, teacher):
    client.post("/account/login/", {"login": teacher.email, "password": PASSWORD})
    return client


def add(client, code=None, consent=True, taken_on="2026-10-01"):
    data = {"code": code or result_code(2), "taken_on": taken_on}
    if consent:
        data["consent"] = "on"
    return client.post(URL, data)


@pytest.mark.django_db
def test_a_teacher_keeps_a_result_with_a_date_and_sees_its_levels(logged_in, teacher):
    assert add(logged_in).status_code == 302
    result = PersonalResult.objects.get()
    assert result.user == teacher and str(result.taken_on) == "2026-10-01" and result.consented_at
    body = logged_in.get(URL).content.decode()
    assert "Zelfevaluatie van 1 oktober 2026" in body and "1.1 B1" in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"consent": False}, "zonder toestemming bewaren we niets"),
        ({"code": "1ABC"}, "resultaatcode"),
        ({"taken_on": "1 oktober"}, "Geef een geldige datum"),
        ({"taken_on": "2999-01-01"}, "in de toekomst"),
    ],
)
def test_nothing_is_stored_without_consent_or_with_bad_input(logged_in, kwargs, message):
    response = add(logged_in, **kwargs)
    assert response.status_code == 400 and message in response.content.decode()
    assert not PersonalResult.objects.exists()


@pytest.mark.django_db
def test_the_school_sees_nothing_until_the_teacher_shares(logged_in, school):
    team_round = TeamRound.objects.create(school=school, title="Najaar 2026")
    add(logged_in)
    assert not TeamAnswer.objects.exists()
    result = PersonalResult.objects.get()
    response = logged_in.post(f"{URL}{result.pk}/delen/", {"ronde": team_round.pk})
    assert response.status_code == 302
    assert TeamAnswer.objects.get(round=team_round).levels == {c: 2 for c in TeamAnswer.objects.get().levels}
    again = logged_in.post(f"{URL}{result.pk}/delen/", {"ronde": team_round.pk}, follow=True)
    assert "Je deelde al een resultaat" in again.content.decode()
    assert TeamAnswer.objects.count() == 1
    share = SharedResult.objects.get()
    logged_in.post(f"{URL}{result.pk}/delen/{share.pk}/intrekken/")
    assert not TeamAnswer.objects.exists() and PersonalResult.objects.exists()


@pytest.mark.django_db
def test_sharing_with_a_round_of_another_school_or_a_closed_round_is_refused(logged_in, school):
    other = TeamRound.objects.create(school=School.objects.create(name="Ander", network="go"), title="X")
    closed = TeamRound.objects.create(school=school, title="Oud", is_open=False)
    add(logged_in)
    result = PersonalResult.objects.get()
    for value in (other.pk, closed.pk, "abc", ""):
        response = logged_in.post(f"{URL}{result.pk}/delen/", {"ronde": value}, follow=True)
        assert "Er is niets gedeeld" in response.content.decode()
    assert not TeamAnswer.objects.exists()


@pytest.mark.django_db
def test_deleting_a_result_also_withdraws_its_shared_answers(logged_in, school):
    team_round = TeamRound.objects.create(school=school, title="Najaar 2026")
    TeamAnswer.objects.create(round=team_round, levels={})  # someone else's anonymous answer stays
    add(logged_in)
    result = PersonalResult.objects.get()
    logged_in.post(f"{URL}{result.pk}/delen/", {"ronde": team_round.pk})
    assert logged_in.post(f"{URL}{result.pk}/verwijderen/").status_code == 302
    assert not PersonalResult.objects.exists() and TeamAnswer.objects.count() == 1


@pytest.mark.django_db
def test_another_user_never_sees_or_touches_the_result(client, logged_in, director):
    add(logged_in, code=result_code(4))
    result = PersonalResult.objects.get()
    client.logout()
    client.post("/account/login/", {"login": director.email, "password": PASSWORD})
    body = client.get(URL).content.decode()
    assert result.code not in body and "Zelfevaluatie van" not in body
    for path in (f"{URL}{result.pk}/verwijderen/", f"{URL}{result.pk}/delen/"):
        assert client.post(path).status_code == 404
    assert PersonalResult.objects.exists()


@pytest.mark.django_db
def test_the_school_never_learns_who_shared(client, logged_in, teacher, director, school):
    team_round = TeamRound.objects.create(school=school, title="Najaar 2026")
    add(logged_in)
    logged_in.post(f"{URL}{PersonalResult.objects.get().pk}/delen/", {"ronde": team_round.pk})
    client.logout()
    client.post("/account/login/", {"login": director.email, "password": PASSWORD})
    for path in (f"/mijn-school/rondes/{team_round.pk}/", f"/mijn-school/scholen/{school.pk}/"):
        body = client.get(path).content.decode()
        assert "gedeeld" not in body.lower() and PersonalResult.objects.get().code not in body


@pytest.mark.django_db
def test_the_page_costs_the_same_few_queries_for_many_results(
    logged_in, school, django_assert_max_num_queries
):
    rounds = [TeamRound.objects.create(school=school, title=f"Ronde {n}") for n in range(3)]
    for n in range(4):
        add(logged_in, code=result_code(n))
    for result in PersonalResult.objects.all():
        for team_round in rounds:
            logged_in.post(f"{URL}{result.pk}/delen/", {"ronde": team_round.pk})
    with django_assert_max_num_queries(12):
        response = logged_in.get(URL)
    assert response.content.decode().count("Delen intrekken") == 3  # one result per round
