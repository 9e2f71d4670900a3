"""Atom feeds of new and updated fiches: /feed/ for everything, /zoeken/feed/?… for any search.

Entry ids are absolute (a reader keeps them across hosts), `rel="self"` is the feed's own address with
its query, and times are in Europe/Brussels with their offset (summer and winter time alike)."""

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from portal.fiche import kind_labels
from search import SearchParams, parse, search

from .presenters import url_for

FEED_SIZE = 50


@dataclass(frozen=True)
class FeedRequest:
    params: SearchParams
    self_url: str  # absolute, with the query
    base_url: str  # scheme and host, without a trailing slash


@dataclass(frozen=True)
class FeedEntry:
    hit: object
    base_url: str


def local_time(moment: datetime.datetime | None) -> datetime.datetime | None:
    """In the site's time zone with its offset; a naive time from the index is UTC."""
    if moment is None:
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, datetime.UTC)
    return timezone.localtime(moment)


class FicheFeed(Feed):
    feed_type = Atom1Feed
    subtitle = "Actoren, aanbod, good practices en partneranalyses voor de digitale school in Vlaanderen."
    item_guid_is_permalink = False

    def get_object(self, request, *args, **kwargs):
        params = parse(request.GET) if request.path.startswith("/zoeken/") else SearchParams()
        return FeedRequest(
            params=params,
            self_url=request.build_absolute_uri(request.get_full_path()),
            base_url=request.build_absolute_uri("/").rstrip("/"),
        )

    def title(self, feed: FeedRequest) -> str:
        base = "Leerkr@cht.net: nieuwe en bijgewerkte fiches"
        return f"{base} voor ‘{feed.params.q}’" if feed.params.q else base

    def link(self, feed: FeedRequest) -> str:
        return url_for(feed.params)

    def feed_url(self, feed: FeedRequest) -> str:
        return feed.self_url

    def items(self, feed: FeedRequest):
        params = feed.params
        newest = SearchParams(q=params.q, filters=params.filters, sort="nieuw", page_size=FEED_SIZE)
        return [FeedEntry(hit, feed.base_url) for hit in search(newest).hits]

    def item_title(self, entry: FeedEntry) -> str:
        return entry.hit.title

    def item_description(self, entry: FeedEntry) -> str:
        return entry.hit.summary

    def item_link(self, entry: FeedEntry) -> str:
        return entry.hit.url_path

    def item_guid(self, entry: FeedEntry) -> str:
        return f"{entry.base_url}/f/{entry.hit.id}/"

    def item_updateddate(self, entry: FeedEntry):
        return local_time(entry.hit.published_at)

    def item_pubdate(self, entry: FeedEntry):
        return local_time(entry.hit.published_at)

    def item_categories(self, entry: FeedEntry):
        hit = entry.hit
        return [kind_labels().get(hit.type, hit.type), *(f"DigCompEdu {code}" for code in hit.digcompedu)]
