"""What the search adds to the admin and to pages of the apps below it, through their hooks."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.pages import HOME_PAGE_CONTEXT_HOOK

from .models import Synonym
from .params import SearchParams
from .presenters import TYPE_LABELS
from .service import search


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
        "type_labels": TYPE_LABELS,
    }


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    menu_label = "Synoniemen"
    icon = "list-ul"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ("terms",)


register_snippet(SynonymViewSet)
