"""Meldingen in the admin: the editors' inbox of public submissions, with the draft or fiche to open."""

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Submission


class SubmissionViewSet(SnippetViewSet):
    model = Submission
    icon = "mail"
    menu_label = "Meldingen"
    menu_name = "meldingen"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["__str__", "kind", "state", Column("created_at", label="Ontvangen op"), "name"]
    list_filter = ["kind", "state"]
    ordering = ["-created_at"]
    panels = [
        FieldRowPanel([FieldPanel("state"), FieldPanel("kind", read_only=True)]),
        FieldPanel("page", read_only=True),
        FieldRowPanel([FieldPanel("name", read_only=True), FieldPanel("email", read_only=True)]),
        FieldPanel("organisation", read_only=True),
        FieldPanel("title", read_only=True),
        FieldPanel("message", read_only=True),
    ]


register_snippet(SubmissionViewSet)
