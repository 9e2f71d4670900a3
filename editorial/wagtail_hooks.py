"""The editors' tools in the Wagtail admin: the review report, its bulk action and a dashboard panel."""

import datetime

from django.db.models import Sum
from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState

from .bulk_actions import MarkReviewedBulkAction
from .import_view import import_fiches_view
from .models import ZeroResultQuery
from .review import fiches_due_for_review
from .views import QualityReportView, ReviewDueView, ZeroResultReportView

urlpatterns = [
    path("te-herzien/", ReviewDueView.as_view(), name="review_due"),
    path("te-herzien/results/", ReviewDueView.as_view(results_only=True), name="review_due_results"),
    path("importeren/", import_fiches_view, name="import"),
    path("kwaliteit/", QualityReportView.as_view(), name="quality"),
    path("kwaliteit/results/", QualityReportView.as_view(results_only=True), name="quality_results"),
    path("zonder-resultaat/", ZeroResultReportView.as_view(), name="zero_results"),
    path(
        "zonder-resultaat/results/",
        ZeroResultReportView.as_view(results_only=True),
        name="zero_results_results",
    ),
]


@hooks.register("register_admin_urls")
def register_urls():
    return [path("redactie/", include((urlpatterns, "editorial"), namespace="editorial"))]


@hooks.register("register_reports_menu_item")
def review_report_menu_item():
    return MenuItem("Te herzien", reverse("editorial:review_due"), icon_name="time", order=50)


@hooks.register("register_reports_menu_item")
def quality_menu_item():
    return MenuItem("Kwaliteit van de fiches", reverse("editorial:quality"), icon_name="warning", order=55)


@hooks.register("register_reports_menu_item")
def zero_results_menu_item():
    return MenuItem(
        "Zoekopdrachten zonder resultaat", reverse("editorial:zero_results"), icon_name="search", order=60
    )


hooks.register("register_bulk_action", MarkReviewedBulkAction)


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return MenuItem("Importeren", reverse("editorial:import"), icon_name="download", order=250)


class EditorialPanel(Component):
    name = "editorial_panel"
    order = 50

    def render_html(self, parent_context):
        return render_to_string(
            "editorial/dashboard_panel.html",
            {
                "to_review": fiches_due_for_review().count(),
                "in_moderation": WorkflowState.objects.active().count(),
                "zero_results": ZeroResultQuery.objects.filter(
                    date__gte=timezone.localdate() - datetime.timedelta(days=6)
                ).aggregate(total=Sum("hits"))["total"]
                or 0,
                "zero_results_url": reverse("editorial:zero_results"),
                "review_url": reverse("editorial:review_due"),
            },
        )


@hooks.register("construct_homepage_panels")
def add_editorial_panel(request, panels):
    panels.insert(0, EditorialPanel())
