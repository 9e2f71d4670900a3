"""The read API (Wagtail API v2) at /api/v2/: the fiches (actors, actions, good practices, partner
groups), live and public only, filterable by type, DigCompEdu area or competence, and pillar.

    /api/v2/fiches/?type=actors.ActionPage&digcompedu=6&pijler=aanbod&fields=*
"""

from django.http import Http404
from rest_framework.response import Response
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from portal.api_validation import in_dutch, validate_api_query
from portal.fiche import fiche_kinds
from search import documents
from search import facet_vocabulary as vocabulary

# API parameter -> search facet. The search index already knows every fiche's codes.
TAXONOMY_FILTERS = {"digcompedu": "digcompedu", "pijler": "pijler"}


class FicheAPIViewSet(PagesAPIViewSet):
    name = "fiches"
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(TAXONOMY_FILTERS)
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["summary", "source_reference"]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if "search" in request.GET:  # surrounding spaces are no search; only spaces is none at all
            query = request._request.GET.copy()
            query["search"] = query["search"].strip()
            if not query["search"]:
                del query["search"]
            request._request.GET = query
        validate_api_query(request.GET)  # before Wagtail's filters see any parameter

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        if isinstance(exc, (BadRequestError, Http404)) and isinstance(response, Response):
            message = response.data.get("message", "") if isinstance(response.data, dict) else ""
            if message:
                response.data = {"message": in_dutch(str(message))}
        return response

    def get_base_queryset(self):
        return super().get_base_queryset().type(*fiche_kinds())

    def get_queryset(self):
        queryset = super().get_queryset()
        known = vocabulary()
        for parameter, facet in TAXONOMY_FILTERS.items():
            codes = [code for code in self.request.GET.get(parameter, "").split(",") if code]
            if not codes:
                continue
            unknown = [code for code in codes if code not in known[facet]]
            if unknown:
                raise BadRequestError(f"onbekende waarde voor {parameter}: {', '.join(unknown)}")
            tagged = [document.id for document in documents(filters={facet: tuple(codes)})]
            queryset = queryset.filter(pk__in=tagged)
        return queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("fiches", FicheAPIViewSet)
