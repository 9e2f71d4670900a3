"""The contact and privacy pages name the organisation from Instellingen > Organisatie en privacy, and
`check --deploy` warns while those facts are still empty or a development placeholder."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Site

from portal.trust_settings import TrustSettings

pytestmark = pytest.mark.django_db


def _deploy_check_output() -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command("check", "--deploy", "--tag", "security", stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def test_contact_and_privacy_pages_show_the_settings_and_defaults(client, site_tree, settings):
    settings.DEFAULT_FROM_EMAIL = "redactie@localhost"
    privacy = client.get("/privacy/").content.decode()
    assert "De redactie van Leerkr@cht.net" in privacy and "30 dagen" in privacy  # Dutch defaults
    assert "redactie@localhost" in client.get("/contact/").content.decode()  # fallback: the sender
    trust = TrustSettings.for_site(Site.objects.get(is_default_site=True))
    trust.organisation = "Vzw Digitale School"
    trust.address = "Schoolstraat 1\n1000 Brussel"
    trust.contact_email = "redactie@leerkracht.example.be"
    trust.privacy_email = "privacy@leerkracht.example.be"
    trust.retention_submissions = "achttien maanden"
    trust.save()
    contact = client.get("/contact/").content.decode()
    assert "Vzw Digitale School" in contact and "Schoolstraat 1<br>1000 Brussel" in contact
    assert 'href="mailto:redactie@leerkracht.example.be"' in contact and "redactie@localhost" not in contact
    privacy = client.get("/privacy/").content.decode()
    assert "verwerkingsverantwoordelijke is <strong>Vzw Digitale School" in privacy
    assert "privacy@leerkracht.example.be" in privacy and "achttien maanden" in privacy


def test_deploy_check_warns_until_the_trust_facts_are_real(site_tree, settings):
    settings.DEFAULT_FROM_EMAIL = "redactie@localhost"
    assert "portal.W003" in _deploy_check_output()
    trust = TrustSettings.for_site(Site.objects.get(is_default_site=True))
    trust.address = "Schoolstraat 1, 1000 Brussel"
    trust.contact_email = "redactie@example.com"
    trust.save()
    assert "portal.W003" in _deploy_check_output()  # example.com is still a placeholder
    trust.contact_email = "redactie@leerkracht.net"
    trust.save()
    assert "portal.W003" not in _deploy_check_output()
