"""GoodPracticePage: an inspiring practice (report 4.2), optionally with its SWOT."""

from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index

from discovery.index_page import SectionIndexPage
from portal.api_fields import FICHE_API_FIELDS, SWOT_API_FIELD, page_refs
from portal.fiche import FichePage, live_partner_group_slugs
from portal.public import public
from portal.swot import SwotMixin
from portal.tags import TaggedItemBase, tags_field


class GoodPracticePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "goodpractices.GoodPracticePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class GoodPracticePage(SwotMixin, FichePage):
    search_kind = "goodpractice"
    kind_label = "Goede praktijk"
    kind_plural_label = "Goede praktijken"
    is_offer = True

    what = models.TextField("wat het is", blank=True)
    why_inspiring = models.TextField("waarom het inspireert", blank=True)
    body = models.TextField("toelichting", blank=True)
    related_actors = ParentalManyToManyField(
        "actors.ActorPage", blank=True, related_name="good_practices", verbose_name="betrokken actoren"
    )
    related_actions = ParentalManyToManyField(
        "actors.ActionPage", blank=True, related_name="good_practices", verbose_name="verwante acties"
    )
    tags = tags_field(GoodPracticePageTag)

    content_panels = FichePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("what"),
        FieldPanel("why_inspiring"),
        FieldPanel("body"),
        FieldPanel("swot"),
        MultiFieldPanel(
            [FieldPanel("related_actors"), FieldPanel("related_actions")], heading="Verwante fiches"
        ),
    ]
    search_fields = (
        FichePage.search_fields
        + SwotMixin.search_fields
        + [
            index.SearchField("what"),
            index.SearchField("why_inspiring"),
            index.SearchField("body"),
        ]
    )

    api_fields = FICHE_API_FIELDS + [
        APIField("what"),
        APIField("why_inspiring"),
        APIField("body"),
        SWOT_API_FIELD,
        page_refs("related_actors", "public_related_actors"),
        page_refs("related_actions", "public_related_actions"),
    ]

    search_text_fields = ("summary", "what", "why_inspiring", "body")
    search_prefetch = ("related_actors__partner_group",)

    parent_page_types = ["goodpractices.GoodPracticeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "good practice"
        verbose_name_plural = "good practices"

    def search_facet_values(self) -> dict[str, list[str]]:
        return {"partnergroep": live_partner_group_slugs(self.related_actors.all())}

    def public_related_actors(self):
        return public(self.related_actors.live()).order_by("title")

    def public_related_actions(self):
        return public(self.related_actions.live()).order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_actors"] = self.public_related_actors()
        context["related_actions"] = self.public_related_actions()
        return context


GoodPracticePage.edit_handler = GoodPracticePage.build_edit_handler(GoodPracticePage.content_panels)


class GoodPracticeIndexPage(SectionIndexPage):
    listed_model = GoodPracticePage
    subpage_types = ["goodpractices.GoodPracticePage"]

    class Meta:
        verbose_name = "overzicht good practices"
