"""Providers are asked whether their offer is still right: a link for one actor, valid 30 days; answers
become Meldingen or a review date; a person's address is never mailed; one reminder at most."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from actors.models import ActionPage, ActorPage
from editorial.provider_check import ask_providers, link_url, organisation_address
from editorial.provider_models import ProviderAnswer, ProviderCheck
from submissions.models import Submission
from tests.editorial.provider_data import old_link, providers, sent_check

pytestmark = pytest.mark.django_db


@pytest.fixture
def actors(site_tree):
    return providers()


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_a_persons_or_private_address_is_never_mailed(actors, capsys):
    assert [organisation_address(actors[k]) for k in ("ours", "other", "person", "private")] == [
        "info@digitaalleren.example.be",
        "vorming@codeerclub.example.be",
        "",
        "",
    ]
    call_command("ask_providers", "--dry-run")
    assert "gevraagd: 2" in capsys.readouterr().out and mail.outbox == []
    call_command("ask_providers")
    assert sorted(message.to[0] for message in mail.outbox) == [
        "info@digitaalleren.example.be",
        "vorming@codeerclub.example.be",
    ]
    assert not ProviderCheck.objects.filter(actor__in=[actors["person"], actors["private"]]).exists()


def test_the_link_shows_only_this_actors_items_and_answers_become_reviews_and_meldingen(client, actors):
    get_user_model().objects.create_superuser(
        "eindredactie", "eindredactie@leerkracht.example.be", "x-lang-ww"
    )
    check = sent_check(actors["ours"])
    url = _path(link_url(check))
    (asked,) = [message for message in mail.outbox if message.to == [check.email]]
    assert url in asked.body and "alleen voor Vzw Digitaal Leren" in asked.body
    html = client.get(url).content.decode()
    assert "Workshop digitale toetsen" in html and "Sessie van" in html and "Codeerkamp" not in html
    offer, session = actors["offer"], actors["offer"].sessions.get()
    mail.outbox.clear()
    answers = {
        f"antwoord-page-{actors['ours'].pk}": "klopt",
        f"antwoord-page-{offer.pk}": "wijzig",
        f"toelichting-page-{offer.pk}": "De prijs is nu 40 euro.",
        f"antwoord-session-{session.pk}": "weg",
    }
    response = client.post(url, answers)
    assert response.status_code == 302 and "bedankt" in response["Location"]
    sent = len(mail.outbox)
    again = client.post(url, answers)  # a retry or a double click: same thanks, nothing new
    assert again.status_code == 302 and again["Location"] == response["Location"]
    assert len(mail.outbox) == sent and ProviderAnswer.objects.count() == 3
    assert ActorPage.objects.get(pk=actors["ours"].pk).last_reviewed == timezone.localdate()
    meldingen = Submission.objects.order_by("pk")
    assert [(m.page_id, m.kind) for m in meldingen] == [(offer.pk, "correctie"), (offer.pk, "correctie")]
    assert (
        "De prijs is nu 40 euro." in meldingen[0].message and "bestaat dit niet meer" in meldingen[1].message
    )
    check.refresh_from_db()
    assert check.answered_at is not None and check.answers.count() == 3
    assert mail.outbox[0].to == ["eindredactie@leerkracht.example.be"]  # the editors hear of it
    assert "Bedankt, je antwoord is bewaard" in client.get(response["Location"]).content.decode()
    client.login(username="eindredactie", password="x-lang-ww")
    report = client.get("/admin/redactie/aanbieders/").content.decode()
    assert "Vzw Digitaal Leren" in report and "De prijs is nu 40 euro." in report and "Klopt nog" in report


def test_wijzig_without_text_or_no_answer_is_a_dutch_message_and_saves_nothing(client, actors):
    url = _path(link_url(sent_check(actors["ours"])))
    offer = actors["offer"]
    response = client.post(url, {f"antwoord-page-{offer.pk}": "wijzig"})
    assert response.status_code == 400 and "Schrijf kort wat er moet wijzigen." in response.content.decode()
    response = client.post(url, {})
    assert (
        response.status_code == 400
        and "Kies bij minstens één onderdeel een antwoord." in response.content.decode()
    )
    assert not ProviderAnswer.objects.exists() and not Submission.objects.exists()


def test_an_expired_or_altered_link_is_refused(client, actors):
    check = sent_check(actors["ours"])
    response = client.get(_path(old_link(check)))
    assert response.status_code == 410 and "Deze link is verlopen" in response.content.decode()
    response = client.post(_path(old_link(check)), {f"antwoord-page-{actors['ours'].pk}": "klopt"})
    assert response.status_code == 410 and not ProviderAnswer.objects.exists()
    # A fresh signature for a check sent 31 days ago is expired too: the row counts.
    assert client.get(_path(link_url(check))).status_code == 410
    forged = _path(link_url(check)).replace("/controle/", "/controle/x")
    response = client.get(forged)
    assert response.status_code == 404 and "Deze link werkt niet" in response.content.decode()


def test_another_actors_item_in_a_tampered_form_is_refused_and_changes_nothing(client, actors):
    url = _path(link_url(sent_check(actors["ours"])))
    other_offer = actors["other_offer"]
    before = ActionPage.objects.get(pk=other_offer.pk).last_reviewed
    response = client.post(
        url,
        {
            f"antwoord-page-{actors['ours'].pk}": "klopt",
            f"antwoord-page-{other_offer.pk}": "weg",
        },
    )
    assert response.status_code == 400 and "niet bij deze organisatie hoort" in response.content.decode()
    assert not ProviderAnswer.objects.exists() and not Submission.objects.exists()
    assert ActionPage.objects.get(pk=other_offer.pk).last_reviewed == before
    assert ActorPage.objects.get(pk=actors["ours"].pk).last_reviewed == actors["ours"].last_reviewed


def test_an_unanswered_question_is_reminded_once_and_asked_again_after_the_interval(actors, settings):
    settings.PROVIDER_CHECK_MONTHS = 6
    start = timezone.now()
    assert ask_providers(now=start)["gevraagd"] == 2
    answered = ProviderCheck.objects.get(actor=actors["other"])
    answered.answered_at = start
    answered.save()
    mail.outbox.clear()
    assert ask_providers(now=start + datetime.timedelta(days=10)) == {
        "gevraagd": 0,
        "herinnerd": 0,
        "zonder organisatieadres": 2,
    }
    assert ask_providers(now=start + datetime.timedelta(days=15))["herinnerd"] == 1
    assert [m.subject for m in mail.outbox] == [
        "Herinnering: Klopt het aanbod van Vzw Digitaal Leren op Leerkr@cht.net nog?"
    ]
    assert (
        mail.outbox[0].to == ["info@digitaalleren.example.be"] and "enige herinnering" in mail.outbox[0].body
    )
    for days in (16, 25, 40):
        assert ask_providers(now=start + datetime.timedelta(days=days))["herinnerd"] == 0
    assert len(mail.outbox) == 1
    assert ask_providers(now=start + datetime.timedelta(days=190))["gevraagd"] == 2


@pytest.mark.engine_independent
def test_the_provider_pages_and_trust_pages_are_valid_html(client, actors, vnu):
    check = sent_check(actors["ours"])
    url = _path(link_url(check))
    html = {
        "form": client.get(url).content,
        "errors": client.post(url, {f"antwoord-page-{actors['offer'].pk}": "wijzig"}).content,
        "expired": client.get(_path(old_link(check))).content,
        "contact": client.get("/contact/").content,
        "privacy": client.get("/privacy/").content,
    }
    vnu(html)
