from django.urls import path

from . import views

urlpatterns = [
    path("zoeken/", views.search_page, name="search"),
    path("zoeken/suggesties/", views.autocomplete, name="search-autocomplete"),
    path("api/zoeken/", views.search_api, name="search-api"),
]
