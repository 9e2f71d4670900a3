"""The beheerder puts members in groups; a member sees the picks for everyone and for their groups
first (the home page only those), and only the beheerder of that school sets the groups."""

import pytest
from django.test import Client

from leerpad.models import MemberGroup, SchoolPick
from leerpad.priorities import picks_for_member
from schools.models import LEZER, Membership

from .conftest import login, make_account

pytestmark = pytest.mark.django_db


def url(school):
    return f"/mijn-leerpad/scholen/{school.pk}/groepen/"


def test_the_beheerder_groups_members_and_each_sees_their_picks_first(
    client, director, member, school, offer
):
    clerk = make_account("secretariaat@klimop.test", school, role=LEZER)
    for title, group, name in (
        ("Voor iedereen", "iedereen", ""),
        ("Voor starters", "starters", ""),
        ("Voor het secretariaat", "administratief", ""),
        ("Voor de ICT-werkgroep", "ander", "ICT-werkgroep"),
    ):
        SchoolPick.objects.create(school=school, offer=offer(title), group=group, group_name=name)
    login(client, director)
    page = client.get(url(school)).text
    assert "ICT-werkgroep" in page and "Administratief personeel" in page
    starter = Membership.objects.get(user=member)
    office = Membership.objects.get(user=clerk)
    client.post(url(school), {"lid": starter.pk, "groep": ["starters", "ander:ICT-werkgroep"]})
    response = client.post(
        url(school), {"lid": office.pk, "groep": "administratief", "nieuwe_groep": "Onthaal"}
    )
    assert response.status_code == 302
    assert {str(g) for g in MemberGroup.objects.filter(membership=office)} == {
        "Administratief personeel",
        "Onthaal",
    }

    def titles(user, **kwargs):
        return [(p.offer.title, p.for_me) for p in picks_for_member(user, **kwargs)]

    assert {t for t, _ in titles(member, only_mine=True)} == {
        "Voor iedereen",
        "Voor starters",
        "Voor de ICT-werkgroep",
    }
    assert {t for t, _ in titles(clerk, only_mine=True)} == {"Voor iedereen", "Voor het secretariaat"}
    assert [mine for _, mine in titles(clerk)] == [True, True, False, False]  # theirs first
    leerpad = login(Client(), clerk).get("/mijn-leerpad/").text
    assert leerpad.index("Voor het secretariaat") < leerpad.index("Ook in de kijker, voor andere groepen")
    assert leerpad.index("Ook in de kijker, voor andere groepen") < leerpad.index("Voor starters")
    home = login(Client(), clerk).get("/").text
    assert "Voor het secretariaat" in home and "Voor starters" not in home
    client.post(url(school), {"lid": office.pk})  # no box ticked: out of every group
    assert not MemberGroup.objects.filter(membership=office).exists()


def test_only_the_beheerder_of_that_school_sets_groups(director, member, other_teacher, teacher, school):
    starter = Membership.objects.get(user=member)
    for user in (member, other_teacher, teacher):
        visitor = login(Client(), user)
        assert visitor.get(url(school)).status_code == 404
        assert visitor.post(url(school), {"lid": starter.pk, "groep": "starters"}).status_code == 404
    assert Client().get(url(school))["Location"].startswith("/account/login/")
    elsewhere = Membership.objects.get(user=other_teacher)
    response = login(Client(), director).post(url(school), {"lid": elsewhere.pk, "groep": "starters"})
    assert response.status_code == 400 and "bestaat niet" in response.text
    response = login(Client(), director).post(url(school), {"lid": starter.pk, "nieuwe_groep": "x" * 81})
    assert response.status_code == 400
    assert not MemberGroup.objects.exists()


def test_leaving_the_school_drops_the_groups(director, member, school):
    MemberGroup.objects.create(membership=Membership.objects.get(user=member), group="starters")
    Membership.objects.filter(user=member).delete()
    assert not MemberGroup.objects.exists()
