"""Every URL of a school's workspace answers 404 to members of other schools, and sends anonymous
visitors to the login page. The list of URLs is checked against the URLconf, so a new view cannot
be forgotten."""

import pytest
from django.urls import get_resolver

from schools.models import (
    Activity,
    Goal,
    Invitation,
    PersonalResult,
    Plan,
    SharedResult,
    TeamAnswer,
    TeamRound,
)

from .conftest import PASSWORD, result_code

# Pages every signed-in user has for themselves (their own list); the items on them are walked below.
OPEN_TO_ALL = {
    "schools:answer",
    "schools:privacy",
    "schools:home",
    "schools:accept",
    "schools:my-results",
    "schools:my-data",
    "schools:delete-account",
}


@pytest.fixture
def workspace(school, director):
    plan = Plan.objects.create(school=school, school_year="2026-2027", vision="Geheime visie")
    goal = Goal.objects.create(plan=plan, title="Geheim doel")
    team_round = TeamRound.objects.create(school=school, title="Geheime ronde")
    Activity.objects.create(plan=plan, date="2026-11-05", title="Geheime studiedag")
    member = director.school_memberships.get()
    result = PersonalResult.objects.create(
        user=director, code=result_code(2), taken_on="2026-10-01", consented_at="2026-10-01T10:00Z"
    )
    answer = TeamAnswer.objects.create(round=team_round, levels={})
    SharedResult.objects.create(result=result, round=team_round, answer=answer)
    return {
        "schools:school": [school.pk],
        "schools:invite": [school.pk],
        "schools:remove-member": [school.pk, member.pk],
        "schools:delete": [school.pk],
        "schools:open-round": [school.pk],
        "schools:new-plan": [school.pk],
        "schools:round": [team_round.pk],
        "schools:close-round": [team_round.pk],
        "schools:plan": [plan.pk],
        "schools:goal-new": [plan.pk],
        "schools:goal-edit": [plan.pk, goal.pk],
        "schools:goal-delete": [plan.pk, goal.pk],
        **EXTRA(school, plan, team_round),
    }


def EXTRA(school, plan, team_round):
    """Views added later register their arguments here."""
    return {name: args(school, plan, team_round) for name, args in EXTRA_ARGS.items()}


EXTRA_ARGS = {
    "schools:report": lambda school, plan, team_round: [plan.pk],
    "schools:report-pdf": lambda school, plan, team_round: [plan.pk],
    "schools:report-csv": lambda school, plan, team_round: [plan.pk],
    "schools:export-json": lambda school, plan, team_round: [plan.pk],
    "schools:next-year": lambda school, plan, team_round: [plan.pk],
    "schools:activities-csv": lambda school, plan, team_round: [plan.pk],
    "schools:activities": lambda school, plan, team_round: [plan.pk],
    "schools:activity-delete": lambda school, plan, team_round: [plan.pk, plan.activities.get().pk],
    "schools:import-plan": lambda school, plan, team_round: [school.pk],
    "schools:result-delete": lambda school, plan, team_round: [PersonalResult.objects.get().pk],
    "schools:result-share": lambda school, plan, team_round: [PersonalResult.objects.get().pk],
    "schools:send-links": lambda school, plan, team_round: [team_round.pk],
    "schools:approve": lambda school, plan, team_round: [plan.pk],
    "schools:plan-delete": lambda school, plan, team_round: [plan.pk],
    "schools:change-role": lambda school, plan, team_round: [school.pk, school.memberships.get().pk],
    "schools:withdraw-invitation": lambda school, plan, team_round: [
        school.pk,
        Invitation.objects.get_or_create(school=school, email="x@klimop.test", role="lezer")[0].pk,
    ],
    "schools:result-unshare": lambda school, plan, team_round: [
        PersonalResult.objects.get().pk,
        SharedResult.objects.get().pk,
    ],
}


def school_url_names():
    names = set()
    app = get_resolver().namespace_dict["schools"][1]
    for name in app.reverse_dict:
        if isinstance(name, str):
            names.add(f"schools:{name}")
    return names - OPEN_TO_ALL


def test_every_private_view_is_in_the_walk(workspace):
    assert school_url_names() == set(workspace)


@pytest.mark.django_db
def test_a_stranger_gets_404_everywhere(client, workspace, stranger):
    from django.urls import reverse

    client.post("/account/login/", {"login": stranger.email, "password": PASSWORD})
    for name, args in workspace.items():
        url = reverse(name, args=args)
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code in (404, 405), (name, method, response.status_code)
            assert "Geheim" not in response.content.decode()
    assert (
        Plan.objects.get().vision == "Geheime visie" and Goal.objects.exists() and TeamRound.objects.exists()
    )
    assert PersonalResult.objects.exists() and SharedResult.objects.exists()


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_login(client, workspace):
    from django.urls import reverse

    for name, args in workspace.items():
        url = reverse(name, args=args)
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code in (302, 405), (name, response.status_code)
            if response.status_code == 302:
                assert response["Location"].startswith("/account/login/")


@pytest.mark.django_db
def test_an_invitation_of_another_school_is_not_found_for_a_stranger(client, school, stranger):
    Invitation.objects.create(school=school, email="collega@klimop.test", role="lezer", token="abc")
    client.post("/account/login/", {"login": stranger.email, "password": PASSWORD})
    assert client.get("/mijn-school/uitnodiging/abc/").status_code == 404
