from django.urls import path

from . import agenda_views, landscape

urlpatterns = [
    path("agenda/", agenda_views.agenda_page, name="agenda"),
    path("agenda.ics", agenda_views.agenda_ics, name="agenda-ics"),
    path("landschap/", landscape.matrix, name="landscape"),
    path("landschap/swot/", landscape.swot_comparison, name="landscape-swot"),
]
