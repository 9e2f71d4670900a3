"""Atom feeds of new and updated fiches: /feed/ for everything, /zoeken/feed/?… for any search."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from portal.fiche import kind_labels
from search import SearchParams, parse, search

from .presenters import url_for

FEED_SIZE = 50


class FicheFeed(Feed):
    feed_type = Atom1Feed
    subtitle = "Actoren, aanbod, good practices en partneranalyses voor de digitale school in Vlaanderen."

    def get_object(self, request, *args, **kwargs):
        params = parse(request.GET) if request.path.startswith("/zoeken/") else SearchParams()
        return params

    def title(self, params: SearchParams) -> str:
        base = "Leerkr@cht.net: nieuwe en bijgewerkte fiches"
        return f"{base} voor ‘{params.q}’" if params.q else base

    def link(self, params: SearchParams) -> str:
        return url_for(params)

    def items(self, params: SearchParams):
        newest = SearchParams(q=params.q, filters=params.filters, sort="nieuw", page_size=FEED_SIZE)
        return search(newest).hits

    def item_title(self, hit) -> str:
        return hit.title

    def item_description(self, hit) -> str:
        return hit.summary

    def item_link(self, hit) -> str:
        return hit.url_path

    def item_guid(self, hit) -> str:
        return f"/f/{hit.id}/"

    item_guid_is_permalink = False

    def item_updateddate(self, hit):
        return hit.published_at

    def item_pubdate(self, hit):
        return hit.published_at

    def item_categories(self, hit):
        return [kind_labels().get(hit.type, hit.type), *(f"DigCompEdu {code}" for code in hit.digcompedu)]
