from django.urls import path

from . import views

urlpatterns = [
    path("aanbod/aanmelden/", views.offer, name="submission-offer"),
    path("melden/<id:page_id>/", views.correction, name="submission-correction"),
    path("melden/bedankt/", views.thanks, name="submission-thanks"),
]
