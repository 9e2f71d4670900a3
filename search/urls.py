from django.urls import path

from . import views
from .feeds import FicheFeed

urlpatterns = [
    path("zoeken/", views.search_page, name="search"),
    path("zoeken/suggesties/", views.autocomplete, name="search-autocomplete"),
    path("api/zoeken/", views.search_api, name="search-api"),
    path("zoeken/feed/", FicheFeed(), name="search-feed"),
    path("feed/", FicheFeed(), name="feed"),
    path("embed/", views.embed, name="search-embed"),
]
