from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Redactie"

    def ready(self):
        from search import search_performed

        from .insight import count_search

        # The search announces every public search; the editors' reports count them.
        search_performed.connect(count_search, dispatch_uid="editorial-count-search")
