"""The engine's own admin: the synonyms editors keep (Snippets > Synoniemen)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    menu_label = "Synoniemen"
    icon = "list-ul"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ("terms",)


register_snippet(SynonymViewSet)
