"""Team rounds: anonymous answers by link, a profile only from five answers on, two rounds compared."""

import pytest

from schools import aggregates
from schools.models import TeamAnswer, TeamRound

from .conftest import PASSWORD, result_code


def answer(client, team_round, code, **extra):
    return client.post(f"/teamronde/{team_round.token}/", {"code": code}, **extra)


@pytest.fixture
def team_round(school):
    return TeamRound.objects.create(school=school, title="Najaar 2026")


@pytest.mark.django_db
def test_anonymous_answers_keep_only_levels(client, team_round):
    response = answer(
        client, team_round, result_code(2), HTTP_USER_AGENT="Firefox/130", REMOTE_ADDR="198.51.100.7"
    )
    assert response.status_code == 200 and "Bedankt" in response.content.decode()
    stored = TeamAnswer.objects.get()
    fields = {f.name for f in TeamAnswer._meta.get_fields()}
    assert fields == {"id", "round", "levels", "answered_on"}
    assert "198.51.100.7" not in str(stored.levels) and "Firefox" not in str(stored.levels)


@pytest.mark.django_db
def test_a_bad_code_gets_a_message_and_stores_nothing(client, team_round):
    response = answer(client, team_round, "1NIETGELDIG")
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert not TeamAnswer.objects.exists()


@pytest.mark.django_db
def test_a_closed_round_takes_no_answers(client, team_round):
    team_round.is_open = False
    team_round.save()
    assert answer(client, team_round, result_code(2)).status_code == 410
    assert not TeamAnswer.objects.exists()


@pytest.mark.django_db
def test_the_profile_appears_only_from_five_answers(client, team_round, director):
    client.post("/account/login/", {"login": director.email, "password": PASSWORD})
    for level in (0, 1, 2, 3):
        answer(client, team_round, result_code(level))
    page = client.get(f"/mijn-school/rondes/{team_round.pk}/").content.decode()
    assert "Nog te weinig antwoorden" in page and "Mediaan" not in page
    answer(client, team_round, result_code(4))
    page = client.get(f"/mijn-school/rondes/{team_round.pk}/").content.decode()
    assert "Mediaan" in page and "Nog te weinig antwoorden" not in page
    assert "<td>B1</td>" in page  # the lower median of A1..B2 is B1


def test_no_aggregate_is_computed_below_five():
    result = aggregates.profile([{"1.1": 1}] * 4)
    assert result.competences is None and result.lowest() == []
    assert result.as_data() == {"answers": 4, "profile": None, "message": "nog te weinig antwoorden"}


def test_two_rounds_show_what_moved():
    before = aggregates.profile([{"1.1": 1, "3.2": 3}] * 5)
    after = aggregates.profile([{"1.1": 2, "3.2": 3}] * 5)
    assert aggregates.movement(before, after) == {"1.1": 1, "3.2": 0}
    assert aggregates.movement(aggregates.profile([{}] * 4), after) == {}


@pytest.mark.django_db
def test_the_round_page_compares_with_an_earlier_round(client, school, director):
    spring = TeamRound.objects.create(school=school, title="Voorjaar")
    autumn = TeamRound.objects.create(school=school, title="Najaar")
    for _ in range(5):
        TeamAnswer.objects.create(round=spring, levels=dict.fromkeys(["1.1"], 1))
        TeamAnswer.objects.create(round=autumn, levels=dict.fromkeys(["1.1"], 3))
    client.post("/account/login/", {"login": director.email, "password": PASSWORD})
    page = client.get(f"/mijn-school/rondes/{autumn.pk}/?vergelijk={spring.pk}").content.decode()
    assert "Verschil" in page and "+2" in page
