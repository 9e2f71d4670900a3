"""A full-page cache for anonymous visitors, in the shared cache (Redis in production, locmem otherwise).

A rendered page is stored under its path, its normalised query string and the version token of the
site's content (the search index version, `search.cache`, kept in the database so every worker sees a
publish at once). Publishing, unpublishing, moving or deleting a page, a privacy change, a taxonomy
label, a site setting or a redirect bumps that token (signals below), so no stale page survives an
edit. Pages with a query string (search, the API, paged lists) live only a short time.

Never cached: anything but GET/HEAD, requests that carry a session (logged-in editors, school users,
an anonymous visitor with a message waiting), the admin and the account, school and form paths, and
any response that sets a cookie (a form's CSRF token), is not a 200, or says private/no-store.
Every answer carries an ETag and Last-Modified, and a conditional GET gets a 304.
"""

import hashlib
import time
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.cache import bump_index_version, index_version

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


def normalised_query(request) -> str:
    """Sorted, without empty values: ?b=2&a=1&c= and ?a=1&b=2 are one page."""
    items = sorted((key, value) for key, values in request.GET.lists() for value in values if value.strip())
    return "&".join(f"{key}={value}" for key, value in items)


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
    raw = f"{request.get_host()}|{request.path_info}|{normalised_query(request)}"
    return f"page:{version}:{hashlib.sha1(raw.encode()).hexdigest()}"


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
        key = _key(request, index_version())
        entry = cache.get(key)
        if entry is not None:
            return self._replay(request, entry, seconds)
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
        from django.http import HttpResponse

        content, headers, etag, modified, search = entry
        if search is not None:
            from search.signals import announce_search

            announce_search(*search)  # a cached search is still a search the editors want counted
        response = HttpResponse(content)
        for name, value in headers.items():
            response[name] = value
        response[HEADER_HIT] = "hit"
        return _with_validators(request, response, etag, modified, seconds)


def invalidate(**kwargs) -> None:
    """Every cached page goes stale: the content version moves on (in the database, for all workers)."""
    bump_index_version()


@lru_cache(maxsize=1)
def _watched() -> tuple[tuple[type, ...], tuple[type, ...]]:
    """(models whose save changes pages, models whose delete does)."""
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    from portal import taxonomy

    labels = tuple(taxonomy.TAXONOMY_MODELS)
    saved = (PageViewRestriction, Site, Redirect, BaseGenericSetting, BaseSiteSetting, *labels)
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
