"""`manage.py check --deploy`: settings that still point at a development machine."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

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
