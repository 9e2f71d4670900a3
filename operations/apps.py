from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = "Beheer van de installatie"

    def ready(self):
        from . import page_cache, replicas, request_log

        page_cache.connect()
        request_log.connect()
        replicas.connect()
