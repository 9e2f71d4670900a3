"""Public pages, with the site's view restrictions read once per request.

Wagtail's `PageQuerySet.public()` reads every view restriction on each call, and serving a page reads
its ancestors and then their restrictions; a fiche that lists several kinds of related pages
(organisers, good practices, offers of the same organiser) would read them once per list. Here every
restriction is read once per request (and on every call outside a request, so a restriction added in
between is always seen there), and both the filter and the serving check are made from that list.
"""

from django.db.models import Q

from .request_memo import once_per_request


def view_restrictions() -> list:
    """Every view restriction of the site, with its page."""
    from wagtail.models import PageViewRestriction

    return once_per_request(
        "view-restrictions", lambda: list(PageViewRestriction.objects.select_related("page"))
    )


def private_q() -> Q:
    """As Wagtail's `PageQuerySet.private_q()`: the pages inside a restricted section."""
    from wagtail.models import Page

    q = Q()
    for restriction in view_restrictions():
        q |= Page.objects.descendant_of_q(restriction.page, inclusive=True)
    return q if q else Q(pk__in=[])


def public(queryset):
    """The pages of `queryset` outside every private section, as `queryset.public()`."""
    return queryset.exclude(private_q())


class RestrictionsFromMemo:
    """A page mixin: `get_view_restrictions()` (Wagtail's check when it serves the page) from the
    memo above instead of two queries (the ancestors, then their restrictions).

    The result is still a queryset (the admin orders and filters it, which reads afresh), its rows
    already filled in. An alias checks its source's restrictions: Wagtail's own code does that."""

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        if self.alias_of_id:
            return super().get_view_restrictions()
        applying = [
            restriction
            for restriction in view_restrictions()
            if self.path.startswith(restriction.page.path) and not restriction.page.alias_of_id
        ]
        queryset = PageViewRestriction.objects.filter(pk__in=[r.pk for r in applying])
        queryset._result_cache = applying
        return queryset
