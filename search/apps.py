from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Zoeken"

    def ready(self):
        from . import handlers  # the engine's modules need the models: imported once they are loaded

        handlers.connect()
