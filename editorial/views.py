"""Admin reports for editors: "Te herzien" (fiches past their review date) and "Zoekopdrachten zonder
resultaat". Popular queries are Wagtail's own "Zoektermen" report (search_promotions)."""

import datetime

import django_filters
from django.db.models import Sum
from django.utils import timezone
from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.views.reports import PageReportView, ReportView
from wagtail.models import Page

from actors.models import PartnerGroupPage
from portal.fiche import CURATE_FICHES

from .models import ZeroResultQuery
from .quality import quality_problems
from .review import FICHE_MODELS, fiches_due_for_review, in_partner_group, review_plan


def _fiche_content_types(request):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.filter(
        pk__in=[ContentType.objects.get_for_model(model).pk for model in FICHE_MODELS]
    )


class ReviewDueFilterSet(WagtailFilterSet):
    content_type = ContentTypeFilter(label="Soort fiche", queryset=_fiche_content_types)
    partnergroep = django_filters.ModelChoiceFilter(
        label="Partnergroep",
        queryset=PartnerGroupPage.objects.order_by("title"),
        method="filter_partner_group",
        empty_label="Alle partnergroepen",
    )

    class Meta:
        model = Page
        fields = ["content_type", "partnergroep"]

    def filter_partner_group(self, queryset, name, group):
        return in_partner_group(queryset, group) if group else queryset


class ReviewDueView(PageReportView):
    page_title = "Te herzien"
    header_icon = "time"
    results_template_name = "editorial/review_due_results.html"
    filterset_class = ReviewDueFilterSet
    index_url_name = "editorial:review_due"
    index_results_url_name = "editorial:review_due_results"
    any_permission_required = ["add", "change", "publish"]
    export_filename = "te-herzien"
    export_headings = {
        "title": "Titel",
        "last_reviewed": "Laatst nagekeken",
        "state": "Publicatiestatus",
        "kind": "Soort",
        "url": "Link",
    }
    list_export = ["title", "last_reviewed", "state", "kind", "url"]

    def get_queryset(self):
        return fiches_due_for_review()

    def to_row_dict(self, item):
        """Plain values for the spreadsheet: a Dutch state and kind, the date as a date."""
        return {
            "title": item.title,
            "last_reviewed": item.last_reviewed.isoformat() if item.last_reviewed else "nooit",
            "state": _plain_state(item),
            "kind": item.content_type.model_class()._meta.verbose_name.capitalize(),
            "url": self.request.build_absolute_uri(item.url) if item.live and item.url else "",
        }

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["plan"] = review_plan()
        return context


def _plain_state(page) -> str:
    if not page.live:
        return "concept"
    return "gepubliceerd, met wijzigingen in concept" if page.has_unpublished_changes else "gepubliceerd"


PERIODS = (("7", "Laatste 7 dagen"), ("30", "Laatste 30 dagen"))


class ZeroResultFilterSet(WagtailFilterSet):
    periode = django_filters.ChoiceFilter(
        label="Periode", choices=PERIODS, method="filter_period", empty_label="Laatste 7 dagen"
    )

    class Meta:
        model = ZeroResultQuery
        fields = []

    def filter_period(self, queryset, name, value):
        return queryset  # applied in the view, which also needs it when the filter is left empty


class EditorsOnly:
    """For reports that are not about one model's permissions: the editorial roles only."""

    permission_required = "curate"

    def user_has_permission(self, permission):
        return self.request.user.has_perm(CURATE_FICHES)


class ZeroResultReportView(EditorsOnly, ReportView):
    page_title = "Zoekopdrachten zonder resultaat"
    header_icon = "search"
    results_template_name = "editorial/zero_results_results.html"
    filterset_class = ZeroResultFilterSet
    index_url_name = "editorial:zero_results"
    index_results_url_name = "editorial:zero_results_results"
    list_export = ["query_string", "total"]
    export_headings = {"query_string": "Zoekopdracht", "total": "Aantal"}

    def get_queryset(self):
        days = 30 if self.request.GET.get("periode") == "30" else 7
        since = timezone.localdate() - datetime.timedelta(days=days - 1)
        return (
            ZeroResultQuery.objects.filter(date__gte=since)
            .values("query_string")
            .annotate(total=Sum("hits"))
            .order_by("-total", "query_string")
        )


class QualityReportView(EditorsOnly, ReportView):
    page_title = "Kwaliteit van de fiches"
    header_icon = "warning"
    results_template_name = "editorial/quality_results.html"
    index_url_name = "editorial:quality"
    index_results_url_name = "editorial:quality_results"
    list_export = ["page.title", "problem", "page.content_type.name"]
    export_headings = {"page.title": "Fiche", "problem": "Probleem", "page.content_type.name": "Soort"}

    def get_queryset(self):
        return quality_problems()
