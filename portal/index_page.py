"""The base of the section index pages (/actoren/, /aanbod/, /partners/, /good-practices/)."""

from django.core.paginator import Paginator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

PAGE_SIZE = 24


class SectionIndexPage(Page):
    intro = models.TextField("inleiding", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    max_count = 1

    # Set by each subclass: the fiche model it lists.
    listed_model: type[Page]

    class Meta:
        abstract = True

    def listed_pages(self):
        return (
            self.listed_model.objects.child_of(self)
            .live()
            .public()
            .order_by("title")
            .prefetch_related("digcompedu_areas", "pillars")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.listed_pages(), PAGE_SIZE)
        context["page_obj"] = paginator.get_page(request.GET.get("pagina"))
        return context
