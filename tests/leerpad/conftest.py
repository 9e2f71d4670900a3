import datetime as dt

import pytest

from leerpad.views import school_year_of
from schools.models import LEZER, Plan, School
from tests.harvest.conftest import feeds  # noqa: F401  (the local feed server)
from tests.schools.conftest import PASSWORD, make_account, result_code  # noqa: F401
from tests.selfassessment.conftest import offer  # noqa: F401  (the fixture)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
FOLLOWED_ON = dt.date.today() - dt.timedelta(days=10)
YEAR = school_year_of(FOLLOWED_ON)


@pytest.fixture(autouse=True)
def private_evidence_folder(settings, tmp_path):
    settings.LEERPAD_EVIDENCE_ROOT = tmp_path / "bewijs"
    return settings.LEERPAD_EVIDENCE_ROOT


def login(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def teacher(db):
    """A teacher with no school."""
    return make_account("leraar@thuis.test")


@pytest.fixture
def school(db):
    school = School.objects.create(name="Basisschool De Klimop", network="go", levels=["lager"])
    Plan.objects.create(school=school, school_year=YEAR)
    return school


@pytest.fixture
def member(school):
    return make_account("juf@klimop.test", school, role=LEZER)


@pytest.fixture
def director(school):
    return make_account("directie@klimop.test", school)


@pytest.fixture
def other_teacher(db):
    other = School.objects.create(name="Sint-Jozef", network="kov")
    Plan.objects.create(school=other, school_year=YEAR)
    return make_account("meester@sintjozef.test", other, role=LEZER)
