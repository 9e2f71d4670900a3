"""`manage.py check --deploy`: settings that still point at a development machine."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.db import DatabaseError
from wagtail.models import Site

from .trust_settings import TrustSettings

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}


@checks.register(checks.Tags.security, deploy=True)
def base_url_is_public(app_configs=None, **kwargs):
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL or "").hostname or ""
    if host in LOCAL_HOSTS or not host:
        return [
            checks.Warning(
                f"WAGTAILADMIN_BASE_URL is {settings.WAGTAILADMIN_BASE_URL!r}: links in workflow e-mails "
                "point at this machine, not at the site.",
                hint="Set WAGTAILADMIN_BASE_URL to the public address, e.g. https://www.leerkracht.net.",
                id="portal.W001",
            )
        ]
    return []


@checks.register(checks.Tags.security, deploy=True)
def contact_address_is_public(app_configs=None, **kwargs):
    """/contact/ and the privacy page show DEFAULT_FROM_EMAIL: never a development address."""
    domain = (settings.DEFAULT_FROM_EMAIL or "").rpartition("@")[2].strip(">").lower()
    if domain in LOCAL_HOSTS or not domain or "." not in domain:
        return [
            checks.Warning(
                f"DEFAULT_FROM_EMAIL is {settings.DEFAULT_FROM_EMAIL!r}: /contact/ and the privacy page show "
                "an address nobody reads.",
                hint="Set DEFAULT_FROM_EMAIL to the editors' address, e.g. redactie@leerkracht.net.",
                id="portal.W002",
            )
        ]
    return []


PLACEHOLDER_DOMAINS = ("example.", "localhost")


def _placeholder(value: str) -> bool:
    value = (value or "").strip().lower()
    domain = value.rpartition("@")[2]
    return not value or domain in LOCAL_HOSTS or any(word in domain for word in PLACEHOLDER_DOMAINS)


@checks.register(checks.Tags.security, deploy=True)
def trust_settings_are_filled(app_configs=None, **kwargs):
    """The contact and privacy pages name the organisation, its address and contacts from
    Instellingen > Organisatie en privacy: in production, none of them may be empty or a placeholder."""
    try:
        trust = TrustSettings.for_site(_default_site())
    except DatabaseError:
        return []  # no database yet: `migrate` comes first, the check runs again later
    problems = []
    if not trust.address.strip():
        problems.append("the address is empty")
    emails = (
        ("the editors' e-mail", trust.editors_email),
        ("the data-protection contact", trust.data_protection_email),
    )
    for label, value in emails:
        if _placeholder(value):
            problems.append(f"{label} is {value!r}")
    if problems:
        return [
            checks.Warning(
                "The contact and privacy pages show placeholders: " + "; ".join(problems) + ".",
                hint="Fill them in under Instellingen > Organisatie en privacy in the admin.",
                id="portal.W003",
            )
        ]
    return []


def _default_site():
    return Site.objects.filter(is_default_site=True).first() or Site.objects.first()
