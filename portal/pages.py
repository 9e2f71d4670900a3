"""The site's own pages: the home page and free-form standard pages."""

from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock
from .public import RestrictionsFromMemo, public
from .route_trail import RouteTrail

# Functions (home page, request) -> dict that add to the home page's context (`@hooks.register`).
HOME_PAGE_CONTEXT_HOOK = "portal_home_page_context"


class HomePage(RestrictionsFromMemo, RouteTrail, Page):
    intro = models.TextField("inleiding", blank=True, help_text="Wat het portaal is, in twee zinnen.")
    featured_offers = ParentalManyToManyField(
        "actors.ActionPage",
        blank=True,
        related_name="+",
        verbose_name="uitgelicht aanbod",
        help_text="Aanbod dat de startpagina in de kijker zet.",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name="inhoud")

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("featured_offers"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "actors.ActorIndexPage",
        "actors.ActionIndexPage",
        "actors.PartnerGroupIndexPage",
        "goodpractices.GoodPracticeIndexPage",
        "portal.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "startpagina"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The tiles and lists that need the search come from the apps above (search/wagtail_hooks.py),
        # so the ground floor imports none of them.
        for home_page_context in hooks.get_hooks(HOME_PAGE_CONTEXT_HOOK):
            context.update(home_page_context(self, request))
        context["featured_offers"] = public(self.featured_offers.live()).order_by("title")
        context["sections"] = public(self.get_children().live()).specific()
        return context


class StandardPage(RestrictionsFromMemo, RouteTrail, Page):
    intro = models.TextField("inleiding", blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name="inhoud")

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = "standaardpagina"
