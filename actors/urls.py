from django.urls import path

from . import agenda_views

urlpatterns = [
    path("agenda/", agenda_views.agenda_page, name="agenda"),
    path("agenda.ics", agenda_views.agenda_ics, name="agenda-ics"),
]
