"""Team rounds: one answer per person through a personal one-time link, a team result only for a
closed round and only from five answers on, and the attacks on that anonymity."""

import pytest
from django.core import mail

from schools import aggregates, rounds
from schools.models import Invitation, RoundClosed, RoundTicket, TeamAnswer, TeamRound

from .conftest import PASSWORD, result_code


def answer(client, token, code, **extra):
    return client.post(f"/teamronde/{token}/", {"code": code}, **extra)


def links(team_round, count):
    """Invite `count` colleagues and hand out their personal links: {email: token}."""
    for n in range(count):
        Invitation.objects.get_or_create(
            school=team_round.school, email=f"leraar{n}@klimop.test", role="lezer"
        )
    tokens = rounds.issue_tickets(team_round)
    return [token for email, token in sorted(tokens.items()) if email.startswith("leraar")]


def varied(level, n):
    """Distinct result codes around one level (the same code twice is refused)."""
    levels = dict.fromkeys(aggregates.COMPETENCES, level)
    levels["6.5"] = n % 6
    levels["6.4"] = n // 6
    return aggregates_code(levels)


def aggregates_code(levels):
    from selfassessment import codes

    return codes.encode(levels)


@pytest.fixture
def team_round(school):
    return TeamRound.objects.create(school=school, title="Najaar 2026")


@pytest.mark.django_db
def test_opening_a_round_mails_everyone_one_personal_link(logged_in, school, director):
    Invitation.objects.create(school=school, email="nieuw@klimop.test", role="lezer")
    response = logged_in.post(
        f"/mijn-school/scholen/{school.pk}/rondes/nieuw/", {"title": "Najaar"}, follow=True
    )
    assert "Er zijn 2 persoonlijke links verstuurd" in response.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == ["directie@klimop.test", "nieuw@klimop.test"]
    token = mail.outbox[0].body.split("/teamronde/")[1].split("/")[0]
    assert token not in str(list(RoundTicket.objects.values()))  # only a digest is kept
    team_round = TeamRound.objects.get()
    again = logged_in.post(f"/mijn-school/rondes/{team_round.pk}/links/", follow=True)
    assert "Iedereen heeft al een persoonlijke link" in again.content.decode() and len(mail.outbox) == 2


@pytest.mark.django_db
def test_a_personal_link_works_once_and_the_answer_keeps_only_levels(client, team_round):
    [token] = links(team_round, 1)
    response = answer(
        client, token, result_code(2), HTTP_USER_AGENT="Firefox/130", REMOTE_ADDR="198.51.100.7"
    )
    assert response.status_code == 200 and "Bedankt" in response.content.decode()
    fields = {f.name for f in TeamAnswer._meta.get_fields()}
    assert fields == {"id", "round", "levels", "answered_on"}
    again = answer(client, token, result_code(3))
    assert again.status_code == 410 and "al gebruikt" in again.content.decode()
    assert TeamAnswer.objects.count() == 1


@pytest.mark.django_db
def test_the_old_open_round_link_takes_no_answers(client, team_round):
    response = answer(client, team_round.token, result_code(2))
    assert response.status_code == 410 and not TeamAnswer.objects.exists()


@pytest.mark.django_db
def test_a_bad_code_gets_a_message_stores_nothing_and_keeps_the_link(client, team_round):
    [token] = links(team_round, 1)
    response = answer(client, token, "1NIETGELDIG")
    assert response.status_code == 400 and 'role="alert"' in response.content.decode()
    assert not TeamAnswer.objects.exists()
    assert answer(client, token, result_code(2)).status_code == 200


@pytest.mark.django_db
def test_attack_director_submits_one_code_four_times(client, team_round):
    """A director holding several links (say, invented addresses) cannot repeat one known code to
    isolate a colleague's answer: the same code twice in a round is refused, and a link works once."""
    tokens = links(team_round, 5)
    all_a1 = result_code(0)
    assert answer(client, tokens[0], all_a1).status_code == 200
    for token in tokens[1:4]:
        response = answer(client, token, all_a1)
        assert response.status_code == 400 and "telt al mee in deze ronde" in response.content.decode()
    assert answer(client, tokens[0], all_a1).status_code == 410
    assert TeamAnswer.objects.count() == 1


@pytest.mark.django_db
def test_attack_five_versus_six_nothing_shows_until_closed_and_closed_stays_closed(
    logged_in, client, team_round
):
    """Subtracting the table after 5 answers from the table after 6 needs two readings of one round:
    an open round shows no result, a closed one takes no answer, and it never opens again."""
    tokens = links(team_round, 6)
    for n, token in enumerate(tokens[:5]):
        answer(client, token, varied(2, n))
    page = logged_in.get(f"/mijn-school/rondes/{team_round.pk}/").content.decode()
    assert "Mediaan" not in page and "Antwoorden binnen: 5" in page
    logged_in.post(f"/mijn-school/rondes/{team_round.pk}/sluiten/", follow=True)
    team_round.refresh_from_db()
    assert not team_round.is_open and not TeamAnswer.objects.exists()  # only the frozen result remains
    before = logged_in.get(f"/mijn-school/rondes/{team_round.pk}/").content.decode()
    assert "Mediaan" in before
    assert answer(client, tokens[5], result_code(5)).status_code == 410
    team_round.is_open = True
    with pytest.raises(RoundClosed):
        team_round.save()
    assert logged_in.get(f"/mijn-school/rondes/{team_round.pk}/").content.decode() == before


@pytest.mark.django_db
def test_attack_not_applicable_never_drops_a_cell_below_five(logged_in, client, team_round):
    """Six answers, four of them "niet van toepassing" for 1.1: the two real levels stay hidden."""
    tokens = links(team_round, 6)
    for n, token in enumerate(tokens):
        levels = dict.fromkeys(aggregates.COMPETENCES, 2)
        levels["6.5"] = n
        levels["1.1"] = 5 if n < 2 else None
        answer(client, token, aggregates_code(levels))
    rounds.close(team_round)
    page = logged_in.get(f"/mijn-school/rondes/{team_round.pk}/").content.decode()
    row = page.split("1.1 Organisatorische communicatie")[1].split("</tr>")[0]
    assert "C1" not in row and "C2" not in row and "<td>2</td>" not in row and "<td>4</td>" not in row
    assert row.count("&lt; 5") == 5  # three levels, n.v.t. and the median


def test_hidden_cells_cannot_be_recovered_by_subtraction():
    # 11 answers for one competence: 5 at A, 5 at B, 1 at C -> C alone is hidden, so one more is hidden
    answers = [{"1.1": 0}] * 5 + [{"1.1": 2}] * 5 + [{"1.1": 4}]
    cell = aggregates.summarise(answers)["competences"]["1.1"]["buckets"]
    shown = [n for n in cell.values() if n is not None]
    assert cell["C"] is None and 11 - sum(shown) >= 5


def test_no_aggregate_is_computed_below_five():
    result = aggregates.TeamResult(aggregates.summarise([{"1.1": 1}] * 4))
    assert not result.enough and result.lowest() == [] and result.answers == "< 5"
    assert result.as_data() == {"answers": None, "profile": None, "message": "nog te weinig antwoorden"}


def test_two_closed_rounds_show_what_moved():
    before = aggregates.TeamResult(aggregates.summarise([{"1.1": 1, "3.2": 3}] * 5))
    after = aggregates.TeamResult(aggregates.summarise([{"1.1": 2, "3.2": 3}] * 5))
    assert aggregates.movement(before, after) == {"1.1": 1, "3.2": 0}
    too_few = aggregates.TeamResult(aggregates.summarise([{}] * 4))
    assert aggregates.movement(too_few, after) == {}


@pytest.mark.django_db
def test_rounds_compare_only_with_closed_rounds(logged_in, school):
    spring = TeamRound.objects.create(school=school, title="Voorjaar")
    autumn = TeamRound.objects.create(school=school, title="Najaar")
    still_open = TeamRound.objects.create(school=school, title="Nog open")
    for n in range(5):
        TeamAnswer.objects.create(round=spring, levels={"1.1": 1, "6.5": n})
        TeamAnswer.objects.create(round=autumn, levels={"1.1": 3, "6.5": n})
        TeamAnswer.objects.create(round=still_open, levels={"1.1": 5, "6.5": n})
    rounds.close(spring)
    rounds.close(autumn)
    page = logged_in.get(f"/mijn-school/rondes/{autumn.pk}/?vergelijk={spring.pk}").content.decode()
    assert "Verschil" in page and "+2" in page and "steeg (+) of daalde" in page
    assert "Nog open" not in page
    page = logged_in.get(f"/mijn-school/rondes/{autumn.pk}/?vergelijk={still_open.pk}").content.decode()
    assert "Verschil" not in page


@pytest.mark.django_db
def test_round_urls_are_closed_to_another_school_and_anonymous(client, stranger, team_round):
    urls = [f"/mijn-school/rondes/{team_round.pk}/links/", f"/mijn-school/rondes/{team_round.pk}/sluiten/"]
    for url in urls:
        assert client.post(url).status_code == 302  # to the login page
    client.post("/account/login/", {"login": stranger.email, "password": PASSWORD})
    for url in urls:
        assert client.post(url).status_code == 404
    assert client.get(f"/mijn-school/rondes/{team_round.pk}/").status_code == 404
    team_round.refresh_from_db()
    assert team_round.is_open and not mail.outbox


@pytest.mark.django_db
def test_one_answer_per_person_whether_by_link_or_by_account(client, school, team_round):
    from schools.models import PersonalResult

    from .conftest import make_account

    teacher = make_account("leraar@klimop.test", school, role="lezer")
    token = rounds.issue_tickets(team_round)["leraar@klimop.test"]
    client.post("/account/login/", {"login": teacher.email, "password": PASSWORD})
    client.post(
        "/mijn-school/mijn-resultaten/", {"code": result_code(2), "taken_on": "2026-10-01", "consent": "on"}
    )
    result = PersonalResult.objects.get()
    client.post(f"/mijn-school/mijn-resultaten/{result.pk}/delen/", {"ronde": team_round.pk})
    assert TeamAnswer.objects.count() == 1
    assert answer(client, token, result_code(4)).status_code == 410  # the link is spent too
    rounds.close(team_round)
    frozen = TeamRound.objects.get().result
    result.forget()  # withdrawing after closing cannot change the published result
    assert TeamRound.objects.get().result == frozen
