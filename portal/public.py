"""Public pages, with the private sections read once per request.

Wagtail's `PageQuerySet.public()` reads every view restriction on each call; a fiche that lists several
kinds of related pages (organisers, good practices, offers of the same organiser) would read them once
per list. `public(queryset)` filters the same way, reading the restrictions once per request (and on
every call outside a request, so a restriction added in between is always seen there).
"""

import threading

from django.core.signals import request_finished, request_started
from django.db.models import Q

_memo = threading.local()


def private_q() -> Q:
    q = getattr(_memo, "q", None)
    if q is not None:
        return q
    from wagtail.models import Page

    q = Page.objects.all().private_q()
    if getattr(_memo, "active", False):
        _memo.q = q
    return q


def public(queryset):
    """The pages of `queryset` outside every private section, as `queryset.public()`."""
    return queryset.exclude(private_q())


def _start_request(**kwargs) -> None:
    _memo.active, _memo.q = True, None


def _finish_request(**kwargs) -> None:
    _memo.active, _memo.q = False, None


request_started.connect(_start_request, dispatch_uid="portal.public.start")
request_finished.connect(_finish_request, dispatch_uid="portal.public.finish")
