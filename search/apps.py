from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Zoeken"

    def ready(self):
        from . import indexing  # noqa: F401  (connects the signals that keep the index current)
