"""A per-address limit on public submissions (django-ratelimit, counted in Django's cache). The
address is found by the site's one rule (portal.client_address, as django-axes does) and stored only
as a keyed hash that is forgotten when the hour ends."""

from django.conf import settings
from django_ratelimit.core import get_usage

from portal.client_address import client_key

GROUP = "submissions"


def limit() -> int:
    return getattr(settings, "SUBMISSIONS_PER_HOUR", 5)


def _usage(request, increment: bool):
    return get_usage(request, group=GROUP, key=client_key, rate=f"{limit()}/h", increment=increment)


def over_limit(request) -> bool:
    usage = _usage(request, increment=False)
    return usage is not None and usage["count"] >= usage["limit"]


def count(request) -> None:
    _usage(request, increment=True)
