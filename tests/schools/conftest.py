import pytest

from schools.models import BEHEERDER, Plan
from selfassessment import codes
from selfassessment.framework import COMPETENCES
from tests.factories import PASSWORD, MembershipFactory, SchoolFactory, UserFactory

__all__ = ["PASSWORD", "make_account", "result_code"]


def make_account(email, school=None, role=BEHEERDER):
    """An account with a verified address that logs in with PASSWORD, a member of the school if given."""
    user = UserFactory(email=email)
    if school is not None:
        MembershipFactory(school=school, user=user, role=role)
    return user


def result_code(level: int) -> str:
    return codes.encode(dict.fromkeys(COMPETENCES, level))


@pytest.fixture
def school(db):
    return SchoolFactory(name="Basisschool De Klimop", network="go", levels=["lager"])


@pytest.fixture
def director(school):
    return make_account("directie@klimop.test", school)


@pytest.fixture
def logged_in(client, director):
    """The client, logged in as the director (through the login form, as a person does)."""
    client.post("/account/login/", {"login": director.email, "password": PASSWORD})
    return client


@pytest.fixture
def plan(school):
    """An empty plan of the school; a test module that needs more in it defines its own."""
    return Plan.objects.create(school=school, school_year="2026-2027")


@pytest.fixture
def stranger(db):
    other = SchoolFactory(name="Sint-Jozef", network="kov", levels=[])
    return make_account("directie@sintjozef.test", other)
