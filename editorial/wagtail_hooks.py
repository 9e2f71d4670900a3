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

from portal.fiche import CURATE_FICHES
from portal.permissions import partner_actor_ids

from .bulk_actions import MarkReviewedBulkAction
from .import_view import import_fiches_view
from .models import ZeroResultQuery
from .partner_views import MyFichesView, PartnerContributorViewSet, my_fiches
from .provider_views import ProviderAnswersView
from .review import fiches_due_for_review
from .session_import_view import import_sessions_view
from .views import QualityReportView, ReviewDueView, ZeroResultReportView

urlpatterns = [
    path("te-herzien/", ReviewDueView.as_view(), name="review_due"),
    path("te-herzien/results/", ReviewDueView.as_view(results_only=True), name="review_due_results"),
    path("importeren/", import_fiches_view, name="import"),
    path("sessies-importeren/", import_sessions_view, name="import_sessions"),
    path("mijn-fiches/", MyFichesView.as_view(), name="my_fiches"),
    path("kwaliteit/", QualityReportView.as_view(), name="quality"),
    path("kwaliteit/results/", QualityReportView.as_view(results_only=True), name="quality_results"),
    path("aanbieders/", ProviderAnswersView.as_view(), name="provider_answers"),
    path(
        "aanbieders/results/", ProviderAnswersView.as_view(results_only=True), name="provider_answers_results"
    ),
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


class EditorsMenuItem(MenuItem):
    """Shown to the editorial roles only (partner contributors do not see the editors' tools)."""

    def is_shown(self, request):
        return request.user.has_perm(CURATE_FICHES)


class PartnersMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(partner_actor_ids(request.user))


@hooks.register("register_reports_menu_item")
def review_report_menu_item():
    return EditorsMenuItem("Te herzien", reverse("editorial:review_due"), icon_name="time", order=50)


@hooks.register("register_reports_menu_item")
def quality_menu_item():
    return EditorsMenuItem(
        "Kwaliteit van de fiches", reverse("editorial:quality"), icon_name="warning", order=55
    )


@hooks.register("register_reports_menu_item")
def zero_results_menu_item():
    return EditorsMenuItem(
        "Zoekopdrachten zonder resultaat", reverse("editorial:zero_results"), icon_name="search", order=60
    )


@hooks.register("register_reports_menu_item")
def provider_answers_menu_item():
    return EditorsMenuItem(
        "Antwoorden van aanbieders", reverse("editorial:provider_answers"), icon_name="tick", order=58
    )


hooks.register("register_bulk_action", MarkReviewedBulkAction)


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return EditorsMenuItem("Importeren", reverse("editorial:import"), icon_name="download", order=250)


@hooks.register("register_admin_menu_item")
def import_sessions_menu_item():
    return EditorsMenuItem(
        "Sessies importeren", reverse("editorial:import_sessions"), icon_name="date", order=251
    )


@hooks.register("register_admin_menu_item")
def my_fiches_menu_item():
    return PartnersMenuItem("Mijn fiches", reverse("editorial:my_fiches"), icon_name="user", order=90)


@hooks.register("register_admin_viewset")
def register_partner_contributors():
    return PartnerContributorViewSet()


@hooks.register("construct_page_chooser_queryset")
def partners_choose_live_pages(pages, request):
    """A partner contributor never sees another organisation's drafts, not even in a chooser."""
    if partner_actor_ids(request.user) and not request.user.has_perm(CURATE_FICHES):
        return pages.filter(live=True)
    return pages


class MyFichesPanel(Component):
    name = "my_fiches_panel"
    order = 40

    def render_html(self, parent_context):
        return render_to_string("editorial/my_fiches_panel.html", my_fiches(parent_context["request"].user))


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
    if request.user.has_perm(CURATE_FICHES):
        panels.insert(0, EditorialPanel())
    elif partner_actor_ids(request.user):
        panels.insert(0, MyFichesPanel())
