"""A full-page cache for anonymous visitors, in the shared cache (Redis in production, locmem otherwise).

A rendered page is stored under its host, its path, its canonical query string and the version of the
site's pages (`content_version`). The query is canonical (sorted, empty values dropped) and escaped
the way a browser escapes a form: `?a=N%26q%3Dcoderen` (one parameter whose value holds `&` and `=`)
and `?a=N&q=coderen` (two parameters) give different keys, so no visitor can make one URL serve
another URL's page (cache poisoning).

The version lives in the database (`PageCacheState`, so every worker sees a publish) and, for
PAGE_CACHE_VERSION_SECONDS, in the cache itself: a cache hit touches no database at all, and a
database restart leaves cached pages up. A publish writes the new version to the cache as it commits,
so with a shared cache it shows at once; with caches per process (no Redis, or Redis unreachable) the
other processes see it within PAGE_CACHE_VERSION_SECONDS. If the database does not answer when the
version is due, the last version this process saw is used. Publishing, unpublishing, moving or
deleting a page, a privacy change, a taxonomy label, a site or a setting moves the version (signals
below); the search index has its own version (search.cache), which these do not move. A redirect
moves neither: it only answers a 404, and a 404 is never stored.

Never cached: anything but GET/HEAD, requests that carry a session (logged-in editors, school users,
an anonymous visitor with a message waiting), the admin and the account, school and form paths, and
any response that sets a cookie (a form's CSRF token), is not a 200, or says private/no-store.
Every answer carries an ETag and Last-Modified, and a conditional GET gets a 304.

Why not Django's own cache middleware (`UpdateCacheMiddleware`, keys from `get_cache_key`/
`learn_cache_key`) or wagtail-cache: see docs/resilience.md ("The page cache").
"""

import hashlib
import logging
import time
import uuid
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, urlencode
from prometheus_client import Counter
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal import taxonomy
from search import announce_search

from . import replicas
from .models import PageCacheState

logger = logging.getLogger(__name__)
LOOKUPS = Counter("portal_page_cache_total", "Page cache lookups, by result", ["result"])

HEADER_HIT = "X-Page-Cache"
# Paths whose pages depend on who asks, carry forms, or must never be stored.
BYPASS_PREFIXES = (
    "/admin/",
    "/account/",
    "/mijn-school/",
    "/mijn-leerpad/",
    "/melden/",
    "/aanbod/aanmelden/",
    "/zelfevaluatie/",
    "/documenten/",
    "/healthz",
    "/readyz",
    "/metrics",
)
SAFE_VARY = {"cookie", "accept-language", "accept-encoding"}
KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Security-Policy",
    "X-Frame-Options",
    "Vary",
    "Link",
    "Access-Control-Allow-Origin",
)


def page_seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0))


def query_seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_QUERY_SECONDS", 0))


VERSION_KEY = "page-cache:version"
_last_seen = {"version": None}  # this process's last version, for when the database does not answer


def version_seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_VERSION_SECONDS", 10))


def normalised_query(request) -> str:
    """Sorted, without empty values, escaped: ?b=2&a=1&c= and ?a=1&b=2 are one page; a `&` or `=`
    inside a name or value stays escaped, so it can never pass for a separator."""
    items = sorted((key, value) for key, values in request.GET.lists() for value in values if value.strip())
    return urlencode(items)


def content_version() -> str:
    """The version of the site's pages: from the cache, else from the database (see the docstring)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = _read_version()
        cache.set(VERSION_KEY, version, version_seconds())
    return version


def _read_version() -> str:
    try:
        version = (
            PageCacheState.objects.filter(pk=PageCacheState.SINGLETON).values_list("token", flat=True).first()
        )
        if version is None:
            version = PageCacheState.objects.get_or_create(pk=PageCacheState.SINGLETON)[0].token
    except DatabaseError:
        if _last_seen["version"] is None:
            raise
        logger.warning("Database unreachable: the page cache keeps serving its last known version")
        return _last_seen["version"]
    _last_seen["version"] = version
    return version


def _bypasses(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return True
    if request.path_info.startswith(BYPASS_PREFIXES):
        return True
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return True
    return "HTTP_AUTHORIZATION" in request.META


def _key(request, version: str) -> str:
    # `|` cannot occur unescaped in a host or a query built by urlencode; the path is hashed as received.
    raw = f"{request.get_host()}|{normalised_query(request)}|{request.path_info}"
    return f"page:{version}:{hashlib.sha256(raw.encode()).hexdigest()}"


def _storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    if vary - SAFE_VARY:
        return False
    # A nonce must be fresh per response; a page that used one is rendered each time.
    return "nonce-" not in response.get("Content-Security-Policy", "")


def _validators(response) -> tuple[str, float]:
    etag = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
    return etag, time.time()


def _with_validators(request, response, etag: str, modified: float, seconds: int):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    patch_cache_control(response, public=True, max_age=seconds)
    return get_conditional_response(request, etag=etag, last_modified=int(modified), response=response)


class AnonymousPageCacheMiddleware:
    """Serves and stores whole pages for anonymous visitors (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = query_seconds() if request.GET else page_seconds()
        if seconds <= 0 or _bypasses(request):
            response = self.get_response(request)
            if request.COOKIES.get(settings.SESSION_COOKIE_NAME) and "Cache-Control" not in response:
                patch_cache_control(response, private=True, no_cache=True)
            return response
        key = _key(request, content_version())
        entry = cache.get(key)
        if entry is not None:
            LOOKUPS.labels("hit").inc()
            return self._replay(request, entry, seconds)
        LOOKUPS.labels("miss").inc()
        response = self.get_response(request)
        if request.method != "GET" or not _storable(request, response):
            return response
        etag, modified = _validators(response)
        headers = {name: response[name] for name in KEPT_HEADERS if name in response}
        search = getattr(request, "recorded_search", None)
        cache.set(key, (response.content, headers, etag, modified, search), seconds)
        response[HEADER_HIT] = "miss"
        return _with_validators(request, response, etag, modified, seconds)

    def _replay(self, request, entry, seconds: int):
        content, headers, etag, modified, search = entry
        if search is not None:
            try:
                announce_search(*search)  # a cached search is still a search the editors want counted
            except DatabaseError:  # not while the database is down: the page still answers
                logger.warning("A cached search was served but not counted: the database did not answer")
        response = HttpResponse(content)
        for name, value in headers.items():
            response[name] = value
        response[HEADER_HIT] = "hit"
        return _with_validators(request, response, etag, modified, seconds)


def invalidate(**kwargs) -> None:
    """Every cached page goes stale: the version moves on in the database (for every worker). The
    cached copy is dropped now (requests read the committed version meanwhile) and set as the change
    commits: set before, a request could store the old page under the new version."""
    version = uuid.uuid4().hex
    PageCacheState.objects.update_or_create(pk=PageCacheState.SINGLETON, defaults={"token": version})
    cache.delete(VERSION_KEY)
    transaction.on_commit(lambda: _publish_version(version))


def _publish_version(version: str) -> None:
    cache.set(VERSION_KEY, version, version_seconds())
    replicas.hold_reads_on_primary()  # a replica may not have the change yet: it must not be cached


@lru_cache(maxsize=1)
def _watched() -> tuple[tuple[type, ...], tuple[type, ...]]:
    """(models whose save changes pages, models whose delete does). Not Redirect: see the docstring."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    labels = tuple(taxonomy.TAXONOMY_MODELS)
    saved = (PageViewRestriction, Site, BaseGenericSetting, BaseSiteSetting, *labels)
    return saved, (Page, *saved)


def _on_save(sender, **kwargs) -> None:
    if issubclass(sender, _watched()[0]):
        invalidate()


def _on_delete(sender, **kwargs) -> None:
    if issubclass(sender, _watched()[1]):
        invalidate()


def connect() -> None:
    """Called once from OperationsConfig.ready()."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"page-cache-{id(signal)}")
    post_save.connect(_on_save, dispatch_uid="page-cache-save")
    post_delete.connect(_on_delete, dispatch_uid="page-cache-delete")
    m2m_changed.connect(
        invalidate, sender=PageViewRestriction.groups.through, dispatch_uid="page-cache-groups"
    )
