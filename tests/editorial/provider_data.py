"""Actors with fiches and sessions to ask about, shared by the client and the Chromium tests of the
provider check."""

import datetime
from unittest import mock

from django.core import signing
from django.utils import timezone

from actors.models import ActionPage, ActionSession
from editorial.provider_check import ask_providers, link_url
from editorial.provider_models import ProviderCheck
from tests import factories


def offer_with_session(title: str, organiser) -> ActionPage:
    page = factories.action(title, organisers=[organiser])
    page.sessions = [ActionSession(start=timezone.now() + datetime.timedelta(days=20), location="Gent")]
    page.save_revision().publish()
    return ActionPage.objects.get(pk=page.pk)


def providers():
    """Three actors: one with an organisation address, one with a person's, one with a private one."""
    ours = factories.actor("Vzw Digitaal Leren", contact_channel="info@digitaalleren.example.be")
    other = factories.actor("Codeerclub Noord", contact_channel="vorming@codeerclub.example.be")
    person = factories.actor("Studio Eén", contact_channel="jan.peeters@studio-een.example.be")
    private = factories.actor("Maakplaats", contact_channel="maakplaats@gmail.com")
    return {
        "ours": ours,
        "other": other,
        "person": person,
        "private": private,
        "offer": offer_with_session("Workshop digitale toetsen", ours),
        "other_offer": factories.action("Codeerkamp voor leraren", organisers=[other]),
    }


def sent_check(actor) -> ProviderCheck:
    ask_providers()
    return ProviderCheck.objects.get(actor=actor)


def old_link(check: ProviderCheck, days: int = 31) -> str:
    """A link signed `days` ago, for a check sent then: expired by both its signature and its row."""
    then = timezone.now() - datetime.timedelta(days=days)
    ProviderCheck.objects.filter(pk=check.pk).update(sent_at=then)
    with mock.patch.object(signing.time, "time", return_value=then.timestamp()):
        return link_url(check)
