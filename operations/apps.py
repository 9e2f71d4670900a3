from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = "Beheer van de installatie"

    def ready(self):
        from . import page_cache

        page_cache.connect()
