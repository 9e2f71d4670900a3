"""Every leerpad URL, tried by a colleague of the same school, a teacher of another school, a
teacher without a school and an anonymous visitor: none of them reads or changes the owner's items
(404, or a redirect to log in), and every item is still there afterwards."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from leerpad.models import CalendarFeed, LoggedTraining, SavedOffer, SchoolShare, SessionMail, WallPost

from .conftest import FOLLOWED_ON, PDF, login

pytestmark = pytest.mark.django_db

SECRET = "Geheime vorming"


@pytest.fixture
def owned(member, school, offer):
    """The member's leerpad with one of everything."""
    saved = SavedOffer.objects.create(user=member, offer=offer("Bewaard aanbod"), following=True)
    feed = CalendarFeed.objects.create(user=member)
    choice = SessionMail.objects.create(user=member, wanted=True)
    training = LoggedTraining.objects.create(
        user=member, title=SECRET, date=FOLLOWED_ON, hours=2, summary="Mijn samenvatting"
    )
    training.evidence.save("bewijs.pdf", ContentFile(PDF))
    training.evidence_type = "application/pdf"
    training.save()
    login(Client(), member).post(f"/mijn-leerpad/gevolgd/{training.pk}/delen/", {"school": school.pk})
    wall_post = WallPost.objects.create(training=training, school=school)
    return {
        "saved": saved,
        "feed": feed,
        "choice": choice,
        "training": training,
        "share": SchoolShare.objects.get(training=training),
        "wall_post": wall_post,
    }


def object_urls(o):
    training, share, wall_post = o["training"], o["share"], o["wall_post"]
    return [
        ("post", f"/mijn-leerpad/bewaard/{o['saved'].pk}/volgen/"),
        ("post", f"/mijn-leerpad/bewaard/{o['saved'].pk}/verwijderen/"),
        ("post", f"/mijn-leerpad/gevolgd/{training.pk}/verwijderen/"),
        ("get", f"/mijn-leerpad/gevolgd/{training.pk}/bewijsstuk/"),
        ("post", f"/mijn-leerpad/gevolgd/{training.pk}/delen/"),
        ("post", f"/mijn-leerpad/gevolgd/{training.pk}/delen/{share.pk}/intrekken/"),
        ("post", f"/mijn-leerpad/gevolgd/{training.pk}/leerwand/"),
        ("post", f"/mijn-leerpad/gevolgd/{training.pk}/leerwand/{wall_post.pk}/intrekken/"),
    ]


# Pages of the visitor's own leerpad: a stranger gets their own (empty) one, never the owner's.
OWN_PAGES = [
    ("get", "/mijn-leerpad/"),
    ("get", "/mijn-leerpad/export.json"),
    ("post", "/mijn-leerpad/agendalink/intrekken/"),
    ("post", "/mijn-leerpad/e-mail/"),
    ("post", "/mijn-leerpad/alles-wissen/"),
    ("get", "/mijn-leerpad/gevolgd/nieuw/"),
]


def still_there(o):
    assert SavedOffer.objects.filter(pk=o["saved"].pk, following=True).exists()
    assert CalendarFeed.objects.filter(pk=o["feed"].pk).exists()
    assert SessionMail.objects.filter(pk=o["choice"].pk, wanted=True).exists()
    assert LoggedTraining.objects.filter(pk=o["training"].pk).exists()
    assert SchoolShare.objects.filter(pk=o["share"].pk).exists()
    assert WallPost.objects.filter(pk=o["wall_post"].pk).exists()


@pytest.mark.parametrize("who", ["collega", "andere school", "zonder school"])
def test_another_teacher_reaches_nothing_of_mine(who, owned, director, other_teacher, teacher, school):
    stranger = login(
        Client(), {"collega": director, "andere school": other_teacher, "zonder school": teacher}[who]
    )
    data = {"school": school.pk, "volgen": "nee", "bevestig": "ja", "mail": "nee"}
    for method, url in object_urls(owned):
        response = getattr(stranger, method)(url, data)
        assert response.status_code == 404, (method, url)
        assert SECRET not in response.text
    for method, url in OWN_PAGES:
        response = getattr(stranger, method)(url, data, follow=True)
        assert response.status_code == 200, (method, url)
        assert SECRET not in response.text and "Mijn samenvatting" not in response.text
    still_there(owned)


def test_an_anonymous_visitor_is_asked_to_log_in_and_guessed_secrets_are_404(owned, school):
    anonymous = Client()
    for method, url in [
        *object_urls(owned),
        *OWN_PAGES,
        ("post", "/mijn-leerpad/agendalink/"),
        ("get", "/mijn-leerpad/portfolio.pdf"),
        ("get", f"/mijn-leerpad/scholen/{school.pk}/leerwand/"),
        ("get", f"/mijn-leerpad/scholen/{school.pk}/groepen/"),
        ("get", f"/mijn-leerpad/scholen/{school.pk}/prioriteiten/"),
    ]:
        response = getattr(anonymous, method)(url)
        assert response.status_code == 302 and response["Location"].startswith("/account/login/"), url
    for url in ("/mijn-leerpad/agenda/geraden.ics", "/mijn-leerpad/e-mail/uit/geraden/"):
        assert anonymous.get(url).status_code == 404
    assert anonymous.post("/mijn-leerpad/e-mail/uit/geraden/").status_code == 404
    still_there(owned)
