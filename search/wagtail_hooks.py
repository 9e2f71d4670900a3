"""The engine's own admin: the synonyms and the concepts editors keep (Snippets > Synoniemen, Concepten)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from .admin_views import export_view, import_view
from .models import Concept, Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    menu_label = "Synoniemen"
    icon = "list-ul"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ("terms",)


class ConceptIndexView(IndexView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons += [
            HeaderButton(
                "Exporteer als CSV",
                url=reverse("search_concepts_export") + "?formaat=csv",
                icon_name="download",
            ),
            HeaderButton(
                "Exporteer als SKOS (Turtle)",
                url=reverse("search_concepts_export") + "?formaat=ttl",
                icon_name="download",
            ),
            HeaderButton("Importeer CSV of SKOS", url=reverse("search_concepts_import"), icon_name="upload"),
        ]
        return buttons


class ConceptViewSet(SnippetViewSet):
    model = Concept
    index_view_class = ConceptIndexView
    menu_label = "Concepten"
    icon = "tag"
    menu_order = 211
    add_to_admin_menu = True
    list_display = ("preferred_label", "competence", "pillar")
    search_fields = ("preferred_label", "alternative_labels")


register_snippet(SynonymViewSet)
register_snippet(ConceptViewSet)


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("zoeken/concepten/export/", export_view, name="search_concepts_export"),
        path("zoeken/concepten/import/", import_view, name="search_concepts_import"),
    ]
