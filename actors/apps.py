from django.apps import AppConfig


class ActorsConfig(AppConfig):
    name = "actors"
    verbose_name = "Actoren"

    def ready(self):
        # Any search can be had as a calendar of its coming sessions: /zoeken/?...&format=ics
        from discovery.exports import register_format

        from .agenda_views import ics_response

        register_format("ics", ics_response)
