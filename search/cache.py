"""Caching what only changes when the index changes: browse results and the spelling vocabulary.

Every index update gives the index a new version token; cached entries carry the token they were made
for, so an edit is visible at once. The token lives in the database (one row, `IndexState`), written
in the same transaction as the index itself: every worker and every server sees a publish the moment
it commits, whatever cache each of them has (Redis shared by all, or one per process). A request
reads the token once; outside requests it is read on every use.
"""

import hashlib
import threading
import uuid

from django.core.cache import cache
from django.core.signals import request_finished, request_started

TTL_SECONDS = 600

_request_memo = threading.local()


def index_version() -> str:
    memo = getattr(_request_memo, "token", None)
    if memo is not None:
        return memo
    from .models import IndexState

    token = IndexState.objects.filter(pk=IndexState.SINGLETON).values_list("token", flat=True).first()
    if token is None:
        token = IndexState.objects.get_or_create(pk=IndexState.SINGLETON)[0].token
    if getattr(_request_memo, "active", False):
        _request_memo.token = token
    return token


def bump_index_version() -> None:
    from .models import IndexState

    token = uuid.uuid4().hex
    if not IndexState.objects.filter(pk=IndexState.SINGLETON).update(token=token):
        IndexState.objects.update_or_create(pk=IndexState.SINGLETON, defaults={"token": token})
    _request_memo.token = None


def cached(name: str, parts, compute):
    """compute() once per index version and set of parts."""
    digest = hashlib.sha1(repr(parts).encode()).hexdigest()
    key = f"search:{name}:{index_version()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TTL_SECONDS)
    return value


def _start_request(**kwargs) -> None:
    _request_memo.active, _request_memo.token = True, None


def _finish_request(**kwargs) -> None:
    _request_memo.active, _request_memo.token = False, None


request_started.connect(_start_request, dispatch_uid="search-index-version-request-started")
request_finished.connect(_finish_request, dispatch_uid="search-index-version-request-finished")
