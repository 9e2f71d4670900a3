"""The site's own pages: the home page and free-form standard pages."""

from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock


class HomePage(Page):
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
        from search.params import SearchParams
        from search.presenters import TYPE_LABELS
        from search.service import search

        context = super().get_context(request, *args, **kwargs)
        # One search over everything gives the live counts of the area and pillar tiles.
        overview = search(SearchParams(page_size=1))
        context["area_tiles"] = [v for v in overview.facets["digcompedu"] if "." not in v.value]
        context["pillar_tiles"] = overview.facets["pijler"]
        # The lists show no counts: without facets they cost one query each when not cached.
        recent = search(
            SearchParams(filters={"type": ("actie",)}, sort="nieuw", page_size=4, facets=False)
        ).hits
        practices = search(
            SearchParams(filters={"type": ("goodpractice",)}, sort="titel", page_size=8, facets=False)
        ).hits
        context["recent_offers"] = recent
        context["good_practices"] = practices
        context["featured_offers"] = self.featured_offers.live().public().order_by("title")
        context["type_labels"] = TYPE_LABELS
        context["sections"] = self.get_children().live().public().specific()
        return context


class StandardPage(Page):
    intro = models.TextField("inleiding", blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name="inhoud")

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = "standaardpagina"
