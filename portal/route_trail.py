"""The pages a request was routed through, kept for its breadcrumbs.

Wagtail routes /aanbod/een-actie/ level by level (home, then the section, then the fiche), reading
each page; the breadcrumbs then read those same pages again as the fiche's ancestors. A page with
this mixin notes itself on the request while routing passes through it, so the trail is known and
the breadcrumbs cost no query.
"""


class RouteTrail:
    """A page mixin for pages with children: it records itself when routing passes on below it."""

    def route(self, request, path_components):
        if path_components:
            request.route_trail = [*getattr(request, "route_trail", ()), self]
        return super().route(request, path_components)


def ancestors(page, request=None) -> list:
    """The page's ancestors below the tree root, top first: from the route trail when it led here,
    else from the database."""
    trail = getattr(request, "route_trail", None) or []
    expected_depths = list(range(2, page.depth))
    if [p.depth for p in trail] == expected_depths and all(page.path.startswith(p.path) for p in trail):
        return list(trail)
    return [ancestor for ancestor in page.get_ancestors() if not ancestor.is_root()]
