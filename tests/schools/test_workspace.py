"""The school workspace: creating a school, inviting colleagues, roles, and wiping everything."""

import re

import pytest
from django.core import mail

from schools.models import BEWERKER, LEZER, Goal, Invitation, Membership, Plan, School, TeamAnswer, TeamRound

from .conftest import PASSWORD, make_account


def login(client, user):
    client.post("/account/login/", {"login": user.email, "password": PASSWORD})


@pytest.mark.django_db
def test_the_creator_of_a_school_is_its_beheerder(client):
    user = make_account("nieuw@school.test")
    login(client, user)
    response = client.post(
        "/mijn-school/",
        {
            "name": "GO! Atheneum Zuid",
            "institution_number": "012345",
            "network": "go",
            "levels": ["secundair-1"],
        },
    )
    school = School.objects.get()
    assert response.status_code == 302
    assert Membership.objects.get(school=school, user=user).role == "beheerder"
    assert "GO! Atheneum Zuid" in client.get(f"/mijn-school/scholen/{school.pk}/").content.decode()


@pytest.mark.django_db
def test_a_bad_school_form_gets_a_dutch_message_and_creates_nothing(client):
    login(client, make_account("nieuw@school.test"))
    response = client.post("/mijn-school/", {"name": "", "institution_number": "12ab", "network": "onbekend"})
    assert response.status_code == 200
    assert "alleen uit cijfers" in response.content.decode()
    assert not School.objects.exists()


@pytest.mark.django_db
def test_invite_a_colleague_who_joins_with_the_role_given(client, school, director):
    login(client, director)
    client.post(
        f"/mijn-school/scholen/{school.pk}/uitnodigen/", {"email": "collega@klimop.test", "role": LEZER}
    )
    link = re.search(r"/mijn-school/uitnodiging/[^\s]+/", mail.outbox[-1].body)[0]
    colleague = make_account("collega@klimop.test")
    client.post("/account/logout/")
    login(client, colleague)
    client.post(link)
    assert Membership.objects.get(school=school, user=colleague).role == LEZER
    assert Invitation.objects.get().accepted_at is not None
    client.post("/account/logout/")
    login(client, make_account("ander@klimop.test"))
    assert client.post(link).status_code == 404  # used once


@pytest.mark.django_db
def test_an_invitation_only_works_for_its_own_address(client, school, director):
    Invitation.objects.create(school=school, email="collega@klimop.test", role=BEWERKER, token="t0ken")
    intruder = make_account("iemand@elders.test")
    login(client, intruder)
    assert client.post("/mijn-school/uitnodiging/t0ken/").status_code == 404
    assert not Membership.objects.filter(user=intruder).exists()


@pytest.mark.django_db
def test_one_person_can_belong_to_several_schools(client, school, director):
    other = School.objects.create(name="Scholengroep Noord", network="go")
    Membership.objects.create(school=other, user=director, role=BEWERKER)
    login(client, director)
    body = client.get("/mijn-school/").content.decode()
    assert "Basisschool De Klimop" in body and "Scholengroep Noord" in body


@pytest.mark.django_db
def test_a_lezer_reads_but_cannot_change(client, school):
    reader = make_account("lezer@klimop.test", school, LEZER)
    plan = Plan.objects.create(school=school, school_year="2026-2027", vision="Samen leren.")
    login(client, reader)
    assert client.get(f"/mijn-school/plannen/{plan.pk}/").status_code == 200
    assert client.post(f"/mijn-school/plannen/{plan.pk}/", {"vision": "Anders"}).status_code == 404
    assert client.post(f"/mijn-school/plannen/{plan.pk}/doelen/nieuw/", {"title": "x"}).status_code == 404
    assert client.post(f"/mijn-school/scholen/{school.pk}/rondes/nieuw/", {"title": "x"}).status_code == 404
    plan.refresh_from_db()
    assert plan.vision == "Samen leren." and not Goal.objects.exists() and not TeamRound.objects.exists()


@pytest.mark.django_db
def test_the_beheerder_wipes_the_whole_workspace(client, school, director):
    plan = Plan.objects.create(school=school, school_year="2026-2027")
    Goal.objects.create(plan=plan, title="Iedereen gebruikt het leerplatform")
    team_round = TeamRound.objects.create(school=school, title="Najaar")
    TeamAnswer.objects.create(round=team_round, levels={"1.1": 2})
    Invitation.objects.create(school=school, email="x@klimop.test", role=LEZER)
    login(client, director)
    wrong = client.post(f"/mijn-school/scholen/{school.pk}/wissen/", {"confirm": "iets anders"})
    assert wrong.status_code == 302 and School.objects.exists()
    client.post(f"/mijn-school/scholen/{school.pk}/wissen/", {"confirm": school.name})
    for model in (School, Membership, Plan, Goal, TeamRound, TeamAnswer, Invitation):
        assert not model.objects.exists(), model
    assert director.__class__.objects.filter(pk=director.pk).exists()  # the account itself stays
