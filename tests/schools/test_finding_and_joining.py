"""Found and joined: "Mijn school" is in reach from the public site, an invited colleague who signs
up or logs in lands in that school, and the account pages speak the site's "je"."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from schools.models import LEZER, Invitation, Membership

from .conftest import PASSWORD, make_account


@pytest.mark.django_db
def test_the_header_offers_mijn_school_and_aanmelden_when_logged_out(client, director):
    page = client.get("/account/login/").content.decode()
    header = page.split("</header>")[0]
    assert 'href="/mijn-school/">Mijn school</a>' in header and ">Aanmelden</a>" in header
    footer = page.split('<footer class="site-footer">')[1]
    assert (
        'href="/mijn-school/">Mijn school</a>' in footer
        and 'href="/mijn-leerpad/">Mijn leerpad</a>' in footer
    )
    client.post("/account/login/", {"login": director.email, "password": PASSWORD})
    header = client.get("/mijn-school/").content.decode().split("</header>")[0]
    assert "Mijn school</a>" in header and ">Aanmelden</a>" not in header


@pytest.mark.django_db
def test_the_self_assessment_result_links_to_mijn_school(client):
    from .conftest import result_code

    page = client.get(f"/zelfevaluatie/resultaat/{result_code(2)}/")
    assert "/mijn-school/mijn-resultaten/" in page.content.decode()


@pytest.mark.django_db
def test_the_home_and_about_pages_lead_to_mijn_school(client, site_tree):
    for url in ("/", "/over/"):
        main = client.get(url).content.decode().split("</header>")[1].split("<footer")[0]
        assert 'href="/mijn-school/"' in main, url  # in the page itself, besides the header


@pytest.mark.django_db
def test_the_account_pages_are_styled_and_say_je(client):
    urls = ("/account/login/", "/account/signup/", "/account/password/reset/")
    urls += ("/account/password/reset/done/", "/account/confirm-email/")  # reset sent, verification sent
    for url in urls:
        body = client.get(url).content.decode()
        assert 'class="site-header"' in body and "/static/" in body, url
        main = body.split("</header>")[1].split("<footer")[0]
        assert not re.search(r"\b([Uu]w|[Uu])\b", main), url  # also catches "a.u.b."
    assert 'name="email"' in client.get("/account/password/reset/").content.decode()  # allauth's form


@pytest.mark.django_db
def test_an_invited_colleague_who_logs_in_lands_in_the_school(client, school):
    Invitation.objects.create(school=school, email="Collega@Klimop.test", role=LEZER)
    colleague = make_account("collega@klimop.test")
    response = client.post("/account/login/", {"login": colleague.email, "password": PASSWORD}, follow=True)
    body = response.content.decode()
    assert response.redirect_chain[-1][0] == f"/mijn-school/scholen/{school.pk}/"
    assert "Welkom! Je bent nu lid van Basisschool De Klimop" in body and "School aanmaken" not in body
    assert Membership.objects.get(user=colleague).role == LEZER


@pytest.mark.django_db
def test_an_invited_colleague_who_signs_up_lands_in_the_school(client, school):
    Invitation.objects.create(school=school, email="nieuw@klimop.test", role=LEZER)
    signup = client.get("/account/signup/").content.decode()
    assert "Uw wachtwoord" not in signup and "Je wachtwoord mag niet" in signup
    client.post(
        "/account/signup/", {"email": "nieuw@klimop.test", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert not Membership.objects.filter(user__email="nieuw@klimop.test").exists()  # not verified yet
    link = re.search(r"https?://[^\s]+/account/confirm-email/[^\s]+", mail.outbox[-1].body)[0]
    path = link.split("testserver", 1)[-1]
    response = client.post(path, follow=True)
    if not Membership.objects.filter(user__email="nieuw@klimop.test").exists():
        response = client.post(
            "/account/login/", {"login": "nieuw@klimop.test", "password": PASSWORD}, follow=True
        )
    assert EmailAddress.objects.get(email="nieuw@klimop.test").verified
    assert response.redirect_chain[-1][0] == f"/mijn-school/scholen/{school.pk}/"
    assert Membership.objects.get(user__email="nieuw@klimop.test").school == school


@pytest.mark.django_db
def test_too_many_sign_ups_get_a_dutch_styled_page(client, settings):
    from django.core.cache import cache

    settings.ACCOUNT_RATE_LIMITS = {"signup": "1/h/ip"}
    cache.clear()
    data = {"password1": PASSWORD, "password2": PASSWORD}
    client.post("/account/signup/", {"email": "een@klimop.test", **data})
    response = client.post("/account/signup/", {"email": "twee@klimop.test", **data})
    cache.clear()
    assert response.status_code == 429
    body = response.content.decode()
    assert "Even geduld" in body and "Too Many Requests" not in body and 'class="site-header"' in body


@pytest.mark.django_db
def test_the_invitation_link_shows_the_invitation_on_the_sign_up_page(client, school):
    invitation = Invitation.objects.create(school=school, email="nieuw@klimop.test", role=LEZER)
    response = client.get(f"/mijn-school/uitnodiging/{invitation.token}/")
    assert response.status_code == 302 and response["Location"].startswith("/account/signup/?email=nieuw")
    signup = client.get(response["Location"]).content.decode()
    assert "<strong>Basisschool De Klimop</strong> nodigt je uit als lezer" in signup
    assert 'value="nieuw@klimop.test"' in signup  # the invited address, filled in
    assert "nodigt je uit" in client.get("/account/login/").content.decode()  # also when logging in
    client.post(
        "/account/signup/", {"email": "nieuw@klimop.test", "password1": PASSWORD, "password2": PASSWORD}
    )
    link = re.search(r"https?://[^\s]+/account/confirm-email/[^\s]+", mail.outbox[-1].body)[0]
    client.post(link.split("testserver", 1)[-1])
    response = client.post(
        "/account/login/", {"login": "nieuw@klimop.test", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == f"/mijn-school/scholen/{school.pk}/"
    assert "Welkom! Je bent nu lid van Basisschool De Klimop" in response.content.decode()
    assert "nodigt je uit" not in client.get("/account/email/").content.decode()  # in, so no longer shown


@pytest.mark.django_db
def test_a_spent_or_unknown_invitation_link_shows_no_invitation(client, school):
    spent = Invitation.objects.create(
        school=school, email="oud@klimop.test", role=LEZER, accepted_at="2026-01-05T10:00Z"
    )
    for token in (spent.token, "bestaat-niet"):
        response = client.get(f"/mijn-school/uitnodiging/{token}/")
        assert response.status_code == 302 and response["Location"].startswith("/account/login/?next=")
        assert "nodigt je uit" not in client.get("/account/signup/").content.decode()
