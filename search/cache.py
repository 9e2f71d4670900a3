"""Caching what only changes when the index changes: browse results and the spelling vocabulary.

Every index update gives the index a new version token; cached entries carry the token they were made
for, so an edit is visible at once. The token lives in the database (one row, `IndexState`), written
in the same transaction as the index itself: every worker and every server sees a publish the moment
it commits, whatever cache each of them has (Redis shared by all, or one per process). A request
reads the token once; outside requests it is read on every use.
"""

import hashlib
import uuid

from django.core.cache import cache

from portal.request_memo import forget, once_per_request

from .models import IndexState

TTL_SECONDS = 600
MEMO = "search-index-version"


def index_version() -> str:
    return once_per_request(MEMO, _read_index_version)


def _read_index_version() -> str:
    token = IndexState.objects.filter(pk=IndexState.SINGLETON).values_list("token", flat=True).first()
    if token is None:
        token = IndexState.objects.get_or_create(pk=IndexState.SINGLETON)[0].token
    return token


def bump_index_version() -> None:
    token = uuid.uuid4().hex
    if not IndexState.objects.filter(pk=IndexState.SINGLETON).update(token=token):
        IndexState.objects.update_or_create(pk=IndexState.SINGLETON, defaults={"token": token})
    forget(MEMO)


def cached(name: str, parts, compute):
    """compute() once per index version and set of parts."""
    digest = hashlib.sha1(repr(parts).encode()).hexdigest()
    key = f"search:{name}:{index_version()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TTL_SECONDS)
    return value


def per_page(name: str, page, request, read):
    """read() for one page once per content version (its lists of related pages, say); a preview
    shows a draft's relations, so it reads afresh."""
    if getattr(request, "is_preview", False):
        return read()
    return cached(name, (page.pk,), read)
