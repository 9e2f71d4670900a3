"""The taxonomies in the admin: one menu "Taxonomieën" with a list per taxonomy."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .taxonomy import TAXONOMY_MODELS, DigCompEduCompetence


def _viewset_for(model):
    extra_columns = ("area",) if model is DigCompEduCompetence else ()
    return type(
        f"{model.__name__}ViewSet",
        (SnippetViewSet,),
        {
            "model": model,
            "list_display": ("code", "label", *extra_columns),
            "list_filter": ("area",) if extra_columns else (),
            "search_fields": ("code", "label"),
            "ordering": ("sort_order", "code"),
            "menu_label": model._meta.verbose_name_plural.capitalize(),
        },
    )


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = [_viewset_for(model) for model in TAXONOMY_MODELS]
    menu_label = "Taxonomieën"
    menu_icon = "tag"
    menu_order = 200


register_snippet(TaxonomyViewSetGroup)
