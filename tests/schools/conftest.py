import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import User

from schools.models import BEHEERDER, Membership, School
from selfassessment import codes
from selfassessment.framework import COMPETENCES

PASSWORD = "Een-sterk-wachtwoord-42"


def make_account(email, school=None, role=BEHEERDER):
    user = User.objects.create_user(username=email, email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    if school is not None:
        Membership.objects.create(school=school, user=user, role=role)
    return user


def result_code(level: int) -> str:
    return codes.encode(dict.fromkeys(COMPETENCES, level))


@pytest.fixture
def school(db):
    return School.objects.create(name="Basisschool De Klimop", network="go", levels=["lager"])


@pytest.fixture
def director(school):
    return make_account("directie@klimop.test", school)


@pytest.fixture
def stranger(db):
    other = School.objects.create(name="Sint-Jozef", network="kov")
    return make_account("directie@sintjozef.test", other)
