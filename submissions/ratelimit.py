"""A per-address limit on public submissions, counted in Django's cache (no personal data stored:
the address is hashed with the secret key and forgotten when the window ends)."""

import hashlib

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600


def _key(request) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"submissions:rate:{digest}"


def limit() -> int:
    return getattr(settings, "SUBMISSIONS_PER_HOUR", 5)


def over_limit(request) -> bool:
    return (cache.get(_key(request)) or 0) >= limit()


def count(request) -> None:
    key = _key(request)
    if not cache.add(key, 1, WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired in between
            cache.add(key, 1, WINDOW_SECONDS)
