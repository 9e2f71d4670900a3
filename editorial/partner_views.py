"""What a partner contributor sees in the admin: "Mijn fiches" (its actors and their actions, with
edit links and "Nieuw aanbod"), and how editors link accounts to actors (Instellingen > Partnerbijdragers)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from actors.models import ActionIndexPage, ActionPage, ActorPage
from portal.permissions import partner_actor_ids

from .contributors import PartnerContributor


def status_label(page) -> str:
    """Where the page stands, in the words a partner understands."""
    if page.workflow_in_progress:
        return "wacht op controle door de redactie"
    if page.live:
        return "gepubliceerd, met wijzigingen in concept" if page.has_unpublished_changes else "gepubliceerd"
    return "concept"


def with_status(pages) -> list:
    pages = list(pages)
    for page in pages:
        page.status_label = status_label(page)
    return pages


def my_fiches(user) -> dict:
    """The partner's actors and the actions they organise (drafts included: they are its own)."""
    own = partner_actor_ids(user)
    index = ActionIndexPage.objects.first()
    return {
        "actors": with_status(ActorPage.objects.filter(pk__in=own).order_by("title")),
        "actions": with_status(ActionPage.objects.filter(organisers__in=own).distinct().order_by("title")),
        "add_action_url": reverse("wagtailadmin_pages:add", args=("actors", "actionpage", index.pk))
        if index
        else "",
    }


class MyFichesView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editorial/my_fiches.html"
    page_title = "Mijn fiches"
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not partner_actor_ids(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **my_fiches(self.request.user)}


class PartnerContributorViewSet(ModelViewSet):
    model = PartnerContributor
    name = "partnerbijdragers"
    icon = "group"
    menu_label = "Partnerbijdragers"
    add_to_settings_menu = True
    list_display = ["user", "actor_titles"]
    panels = [
        FieldPanel("user"),
        FieldPanel("actors", widget=forms.CheckboxSelectMultiple),
    ]
