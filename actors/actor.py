"""ActorPage: an organisation that supports teachers (report appendix B.6)."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index

from discovery.index_page import SectionIndexPage
from portal.api_fields import FICHE_API_FIELDS, page_ref, page_refs
from portal.fiche import CURATE_FICHES, FichePage, live_partner_group_slugs
from portal.public import public
from portal.tags import TaggedItemBase, tags_field
from search import per_page

from .structured_data import actor_data


class ActorPageTag(TaggedItemBase):
    content_object = ParentalKey("actors.ActorPage", on_delete=models.CASCADE, related_name="tagged_items")


class ActorPage(FichePage):
    search_kind = "actor"
    kind_label = "Actor"
    kind_plural_label = "Actoren"
    is_organisation = True

    description = models.TextField("korte beschrijving", blank=True)
    goal = models.TextField("doel", blank=True)
    audience_text = models.TextField("doelgroep", blank=True)
    current_role = models.TextField("huidige rol in ondersteuning van leerkrachten", blank=True)
    partner_group = models.ForeignKey(
        "actors.PartnerGroupPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actors",
        verbose_name="strategische partnergroep",
    )
    website = models.URLField("website", blank=True)
    contact_channel = models.CharField(
        "contactkanaal",
        max_length=255,
        blank=True,
        help_text="Het publieke kanaal van de organisatie (algemeen e-mailadres of contactpagina), geen privépersoon.",
    )
    fte = models.CharField("FTE", max_length=120, blank=True)
    reach = models.CharField("bereik", max_length=255, blank=True)
    from_report = models.BooleanField(
        "fiche uit het rapport",
        default=True,
        help_text="Uit: een organisator zonder eigen fiche in het analyserapport.",
    )
    tags = tags_field(ActorPageTag)

    content_panels = FichePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("goal"),
        FieldPanel("audience_text"),
        FieldPanel("current_role"),
        FieldPanel("partner_group", permission=CURATE_FICHES),
        MultiFieldPanel([FieldPanel("website"), FieldPanel("contact_channel")], heading="Contact"),
        MultiFieldPanel([FieldPanel("fte"), FieldPanel("reach")], heading="FTE en bereik"),
        FieldPanel("from_report", permission=CURATE_FICHES),
    ]
    search_fields = FichePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("goal"),
        index.SearchField("audience_text"),
        index.SearchField("current_role"),
    ]

    api_fields = FICHE_API_FIELDS + [
        APIField("description"),
        APIField("goal"),
        APIField("audience_text"),
        APIField("current_role"),
        APIField("website"),
        APIField("contact_channel"),
        APIField("fte"),
        APIField("reach"),
        APIField("from_report"),
        page_ref("partner_group", "public_partner_group"),
        page_refs("actions", "public_actions"),
    ]

    search_text_fields = ("summary", "description", "goal", "audience_text", "current_role", "reach")
    search_prefetch = ("partner_group",)

    parent_page_types = ["actors.ActorIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "actor"
        verbose_name_plural = "actoren"

    def structured_data(self, request) -> dict:
        return actor_data(self, request)

    @classmethod
    def actors_with_a_stake(cls, page_id: int | None) -> frozenset[int]:
        return frozenset({page_id})  # a partner may edit its own actor's fiche

    def search_facet_values(self) -> dict[str, list[str]]:
        return {"partnergroep": live_partner_group_slugs([self])}

    def public_actions(self):
        return public(self.actions.live()).order_by("title")

    @property
    def public_partner_group(self):
        group = self.partner_group
        return group if group is not None and group.live else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.related_pages(request))
        return context

    def related_pages(self, request) -> dict:
        """Its offers, good practices and partner group, kept per content version: a warm fiche
        reads none of them."""
        return per_page(
            "actor-related",
            self,
            request,
            lambda: {
                "actions": list(self.public_actions()),
                "good_practices": list(public(self.good_practices.live()).order_by("title")),
                "partner_group": self.public_partner_group,
            },
        )


ActorPage.edit_handler = ActorPage.build_edit_handler(ActorPage.content_panels)


class ActorIndexPage(SectionIndexPage):
    listed_model = ActorPage
    subpage_types = ["actors.ActorPage"]

    class Meta:
        verbose_name = "overzicht actoren"
