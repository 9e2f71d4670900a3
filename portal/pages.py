"""The site's own pages: the home page and free-form standard pages."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock


class HomePage(Page):
    intro = models.TextField("inleiding", blank=True, help_text="Wat het portaal is, in twee zinnen.")
    body = StreamField(BodyBlock(), blank=True, verbose_name="inhoud")

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
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
