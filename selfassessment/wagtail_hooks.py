from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CompetenceQuestion


class CompetenceQuestionViewSet(SnippetViewSet):
    model = CompetenceQuestion
    icon = "help"
    menu_label = "Zelfevaluatievragen"
    list_display = ["competence", "question"]
    ordering = ["competence__sort_order"]
    inspect_view_enabled = False


register_snippet(CompetenceQuestionViewSet)
