"""Oogstbronnen in the admin: per source its address, kind, provider and trust, the last run with its
status, counts and errors, and a "Nu ophalen" button (for the editorial roles)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.admin.auth import permission_required
from wagtail.admin.panels import FieldPanel, FieldRowPanel, Panel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.fiche import CURATE_FICHES

from .models import HarvestSource
from .run import harvest


class LastRunPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = None

        def render_html(self, parent_context=None):
            source = self.instance
            if not source.pk:
                return format_html("<p>{}</p>", "Na het bewaren kun je de bron meteen ophalen.")
            when = source.last_run_at.strftime("%d/%m/%Y %H:%M") if source.last_run_at else "nog nooit"
            return format_html(
                '<p>Laatst opgehaald: {} — stand: <strong>{}</strong></p><p>{}</p><pre class="harvest-log">{}</pre>'
                '<p><a class="button" href="{}">Nu ophalen</a></p>',
                when,
                source.last_status or "—",
                source.counts_label(),
                source.last_message,
                reverse("harvest_run", args=[source.pk]),
            )


class RunColumn(Column):
    def get_value(self, instance):
        return "Nu ophalen"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["value"] = format_html(
            '<a href="{}">Nu ophalen</a>', reverse("harvest_run", args=[instance.pk])
        )
        return context


class HarvestSourceViewSet(SnippetViewSet):
    model = HarvestSource
    icon = "download"
    menu_label = "Oogstbronnen"
    menu_name = "oogstbronnen"
    add_to_admin_menu = True
    menu_order = 252
    list_display = [
        "name",
        "kind",
        "actor",
        Column("last_run_at", label="Laatst opgehaald"),
        Column("last_status", label="Stand"),
        "counts_label",
        RunColumn("run", label=""),
    ]
    list_filter = ["kind", "trust", "last_status"]
    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("trust"), FieldPanel("active")]),
        FieldPanel("actor"),
        LastRunPanel(heading="Laatste oogst"),
    ]


register_snippet(HarvestSourceViewSet)


@permission_required(CURATE_FICHES)
@require_http_methods(["GET", "POST"])
def run_view(request, pk: int):
    source = get_object_or_404(HarvestSource, pk=pk)
    edit_url = reverse("wagtailsnippets_harvest_harvestsource:edit", args=[source.pk])
    if request.method == "POST":
        report = harvest(source, user=request.user)
        (messages.error if report.failed else messages.success)(request, report.summary)
        return redirect(edit_url)
    return render(request, "harvest/run_confirm.html", {"source": source, "edit_url": edit_url})


@hooks.register("register_admin_urls")
def register_urls():
    return [path("oogst/<int:pk>/nu-ophalen/", run_view, name="harvest_run")]
