from django.urls import path

from . import sitemaps, taxonomy_views, views
from .api import api_router
from .feeds import FicheFeed

urlpatterns = [
    path("zoeken/", views.search_page, name="search"),
    path("zoeken/suggesties/", views.autocomplete, name="search-autocomplete"),
    path("api/zoeken/", views.search_api, name="search-api"),
    path("zoeken/feed/", FicheFeed(), name="search-feed"),
    path("feed/", FicheFeed(), name="feed"),
    path("embed/", views.embed, name="search-embed"),
    path("digcompedu/<str:code>/", taxonomy_views.digcompedu, name="digcompedu"),
    path("pijlers/<slug:slug>/", taxonomy_views.pillar, name="pillar"),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<str:section>.xml", sitemaps.part, name="sitemap-part"),
]
