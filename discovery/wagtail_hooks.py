"""What discovery adds to pages of the apps below it, through their hooks: the home page's tiles and lists."""

from wagtail import hooks

from portal.fiche import kind_labels
from portal.pages import HOME_PAGE_CONTEXT_HOOK
from search import SearchParams, search


@hooks.register(HOME_PAGE_CONTEXT_HOOK)
def home_page_search_context(page, request) -> dict:
    # One search over everything gives the live counts of the area and pillar tiles (no hits).
    overview = search(SearchParams(page_size=0))
    # The lists show no counts: without facets they cost one query each when not cached.
    practices = search(
        SearchParams(filters={"type": ("goodpractice",)}, sort="titel", page_size=8, facets=False)
    ).hits
    return {
        "area_tiles": [v for v in overview.facets["digcompedu"] if "." not in v.value],
        "pillar_tiles": overview.facets["pijler"],
        "good_practices": practices,
        "type_labels": kind_labels(),
    }
