"""Meldingen in the admin: the editors' inbox of public submissions, with the draft or fiche to open."""

from django.utils.html import format_html
from wagtail.admin.panels import FieldPanel, FieldRowPanel, Panel
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Submission


class DraftLinkPanel(Panel):
    """A link from the Melding to the fiche or draft it is about, to open it in the page editor."""

    class BoundPanel(Panel.BoundPanel):
        template_name = None

        def render_html(self, parent_context=None):
            submission = self.instance
            if not submission.page_id:
                return format_html("<p>{}</p>", "Deze melding hoort bij geen fiche.")
            page = submission.page
            label = "Open het concept" if not page.live else "Open de fiche"
            state = "nog niet online" if not page.live or page.has_unpublished_changes else "online"
            return format_html(
                '<p><a class="button button-secondary" href="{}">{}: {}</a> ({})</p>',
                submission.draft_edit_path(),
                label,
                page.title,
                state,
            )


class FirstSessionPanel(Panel):
    """The first session a provider gave with a new offer, as a readable line instead of raw JSON."""

    class BoundPanel(Panel.BoundPanel):
        template_name = None

        def render_html(self, parent_context=None):
            return format_html("<p>{}</p>", self.instance.first_session_text() or "Geen opgegeven.")


class SubmissionViewSet(SnippetViewSet):
    model = Submission
    icon = "mail"
    menu_label = "Meldingen"
    menu_name = "meldingen"
    add_to_admin_menu = True
    menu_order = 250
    list_display = [
        "__str__",
        "kind",
        "state",
        TitleColumn(
            "page",
            label="Fiche of concept",
            get_url=lambda submission: submission.draft_edit_path() or None,
        ),
        Column("created_at", label="Ontvangen op"),
        "name",
    ]
    list_filter = ["kind", "state"]
    ordering = ["-created_at"]
    panels = [
        FieldRowPanel([FieldPanel("state"), FieldPanel("kind", read_only=True)]),
        DraftLinkPanel(heading="Fiche of concept"),
        FieldRowPanel([FieldPanel("name", read_only=True), FieldPanel("email", read_only=True)]),
        FieldPanel("organisation", read_only=True),
        FieldPanel("title", read_only=True),
        FieldPanel("message", read_only=True),
        FirstSessionPanel(heading="Eerste sessie"),
    ]


register_snippet(SubmissionViewSet)
