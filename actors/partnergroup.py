"""PartnerGroupPage: one of the 14 strategic partner groups (report 4.1.2), with its role and SWOT."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.search import index

from discovery.index_page import SectionIndexPage
from portal.api_fields import FICHE_API_FIELDS, SWOT_API_FIELD, page_refs
from portal.fiche import FichePage
from portal.public import public
from portal.swot import SwotMixin
from portal.tags import TaggedItemBase, tags_field


class PartnerGroupPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "actors.PartnerGroupPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class PartnerGroupPage(SwotMixin, FichePage):
    search_kind = "partnergroep"
    kind_label = "Partnergroep"
    kind_plural_label = "Partnergroepen"
    is_organisation = True

    role = models.TextField("rol in de transformatie", blank=True)
    tags = tags_field(PartnerGroupPageTag)

    content_panels = FichePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("role"),
        FieldPanel("swot"),
    ]
    search_fields = FichePage.search_fields + SwotMixin.search_fields + [index.SearchField("role")]

    api_fields = FICHE_API_FIELDS + [APIField("role"), SWOT_API_FIELD, page_refs("actors", "public_actors")]

    search_text_fields = ("summary", "role")

    parent_page_types = ["actors.PartnerGroupIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "strategische partnergroep"
        verbose_name_plural = "strategische partnergroepen"

    def search_facet_values(self) -> dict[str, list[str]]:
        return {"partnergroep": [self.slug]}

    @classmethod
    def search_facet_choices(cls) -> dict[str, list[tuple[str, str]]]:
        return {"partnergroep": list(cls.objects.live().order_by("title").values_list("slug", "title"))}

    def public_actors(self):
        return public(self.actors.live()).order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["actors"] = self.public_actors()
        return context


PartnerGroupPage.edit_handler = PartnerGroupPage.build_edit_handler(PartnerGroupPage.content_panels)


class PartnerGroupIndexPage(SectionIndexPage):
    listed_model = PartnerGroupPage
    subpage_types = ["actors.PartnerGroupPage"]

    class Meta:
        verbose_name = "overzicht partnergroepen"
