"""The base of the section index pages (/actoren/, /aanbod/, /partners/, /goede-praktijken/).

A section index is the search, narrowed to its own kind of fiche: the same service, facets and
results as /zoeken/, so there is only one way to filter fiches.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from portal.public import RestrictionsFromMemo
from portal.route_trail import RouteTrail
from search import parse, search

from . import presenters


class SectionIndexPage(RestrictionsFromMemo, RouteTrail, Page):
    intro = models.TextField("inleiding", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    max_count = 1

    # Set by each subclass: the fiche model it lists.
    listed_model: type[Page]

    class Meta:
        abstract = True

    @property
    def listed_type(self) -> str:
        return self.listed_model.search_kind

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        params = parse(request.GET, interpret=True).without("type")  # the same search as /zoeken/
        if params.sort == "relevantie" and not params.q:
            params = presenters.with_sort(params, "titel")
        result = search(params.with_filter("type", self.listed_type).with_page(params.page))
        context.update(
            presenters.page_context(
                request, params, result, path=self.get_url(request), hidden_facets=("type",)
            )
        )
        context["search_label"] = f"Zoek in {self.title.lower()}"
        return context
