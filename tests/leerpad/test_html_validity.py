"""The leerpad pages are valid HTML (Nu Html Checker), with data on them and a form sent back with errors."""

import pytest

from leerpad.models import LoggedTraining, SavedOffer, SchoolPick, SessionMail
from schools.models import PersonalResult

from .conftest import FOLLOWED_ON, login, result_code


@pytest.mark.django_db
def test_leerpad_pages_have_no_html_errors(client, offer, director, member, school, vnu):
    course = offer("Mediawijs lesgeven", competences=["6.1"], levels=["B1"])
    SchoolPick.objects.create(school=school, offer=course, group="starters")
    login(client, member)
    SavedOffer.objects.create(user=member, offer=course, following=True)
    training = LoggedTraining.objects.create(
        user=member, title="Studiedag", date=FOLLOWED_ON, hours=2, summary="Iets."
    )
    client.post(f"/mijn-leerpad/gevolgd/{training.pk}/delen/", {"school": school.pk})
    client.post(f"/mijn-leerpad/gevolgd/{training.pk}/leerwand/", {"school": school.pk, "als": "naam"})
    client.post("/mijn-leerpad/agendalink/")
    client.post("/mijn-leerpad/e-mail/", {"mail": "ja"})
    SchoolPick.objects.create(school=school, offer=offer("Voor iedereen"))
    for n, level in enumerate((1, 2)):
        PersonalResult.objects.create(
            user=member,
            code=result_code(level),
            taken_on=f"2026-0{n + 1}-01",
            consented_at="2026-01-01T00:00Z",
        )
    pages = {
        "leerpad": "/mijn-leerpad/",
        "save": f"/mijn-leerpad/bewaren/{course.pk}/",
        "log": f"/mijn-leerpad/gevolgd/nieuw/?aanbod={course.pk}",
        "delete-all": "/mijn-leerpad/alles-wissen/",
        "fits": f"/mijn-leerpad/past-dit-bij-mij/{course.pk}/",
        "offer": course.url,
        "home": "/",
        "leerwand": f"/mijn-leerpad/scholen/{school.pk}/leerwand/",
        "unsubscribe": f"/mijn-leerpad/e-mail/uit/{SessionMail.objects.get().token}/",
    }
    html = {name: client.get(url).content for name, url in pages.items()}
    html["log-errors"] = client.post("/mijn-leerpad/gevolgd/nieuw/", {"hours": "x"}).content
    login(client, director)
    html["priorities"] = client.get(f"/mijn-leerpad/scholen/{school.pk}/prioriteiten/?zoek=mediawijs").content
    html["groups"] = client.get(f"/mijn-leerpad/scholen/{school.pk}/groepen/").content
    html["school"] = client.get(f"/mijn-school/scholen/{school.pk}/").content
    html["priorities-errors"] = client.post(
        f"/mijn-leerpad/scholen/{school.pk}/prioriteiten/", {"groep": "ander"}
    ).content
    vnu(html)
