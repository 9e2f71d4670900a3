from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    """What visitors do with search: the search page, the API, exports, feeds, sitemaps, taxonomy pages,
    the section index base and the home tiles. Calls the engine only through its door (`search`)."""

    name = "discovery"
    verbose_name = "Vinden"
