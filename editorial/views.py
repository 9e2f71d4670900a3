"""Admin reports for editors: "Te herzien" (fiches past their review date)."""

from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page

from .review import FICHE_MODELS, fiches_due_for_review


def _fiche_content_types(request):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.filter(
        pk__in=[ContentType.objects.get_for_model(model).pk for model in FICHE_MODELS]
    )


class ReviewDueFilterSet(WagtailFilterSet):
    content_type = ContentTypeFilter(label="Soort fiche", queryset=_fiche_content_types)

    class Meta:
        model = Page
        fields = ["content_type"]


class ReviewDueView(PageReportView):
    page_title = "Te herzien"
    header_icon = "time"
    results_template_name = "editorial/review_due_results.html"
    filterset_class = ReviewDueFilterSet
    index_url_name = "editorial:review_due"
    index_results_url_name = "editorial:review_due_results"
    any_permission_required = ["add", "change", "publish"]
    export_headings = {"last_reviewed": "Laatst nagekeken", "content_type": "Soort"}
    list_export = ["title", "last_reviewed", "status_string", "content_type"]

    def get_queryset(self):
        return fiches_due_for_review()
