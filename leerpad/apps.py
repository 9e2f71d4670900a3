from django.apps import AppConfig


class LeerpadConfig(AppConfig):
    name = "leerpad"
    verbose_name = "Mijn leerpad"

    def ready(self):
        from . import signals  # noqa: F401  (evidence files and school shares go with their training)
