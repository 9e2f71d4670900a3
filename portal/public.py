"""Public pages, with the private sections read once per request.

Wagtail's `PageQuerySet.public()` reads every view restriction on each call; a fiche that lists several
kinds of related pages (organisers, good practices, offers of the same organiser) would read them once
per list. `public(queryset)` filters the same way, reading the restrictions once per request (and on
every call outside a request, so a restriction added in between is always seen there).
"""

from django.db.models import Q

from .request_memo import once_per_request


def private_q() -> Q:
    from wagtail.models import Page

    return once_per_request("private-sections", lambda: Page.objects.all().private_q())


def public(queryset):
    """The pages of `queryset` outside every private section, as `queryset.public()`."""
    return queryset.exclude(private_q())
