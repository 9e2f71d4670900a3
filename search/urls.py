from django.urls import path

from . import sitemaps, views
from .feeds import FicheFeed

urlpatterns = [
    path("zoeken/", views.search_page, name="search"),
    path("zoeken/suggesties/", views.autocomplete, name="search-autocomplete"),
    path("api/zoeken/", views.search_api, name="search-api"),
    path("zoeken/feed/", FicheFeed(), name="search-feed"),
    path("feed/", FicheFeed(), name="feed"),
    path("embed/", views.embed, name="search-embed"),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<str:section>.xml", sitemaps.part, name="sitemap-part"),
]
