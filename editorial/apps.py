from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Redactie"

    def ready(self):
        from wagtail.signals import workflow_approved

        from search import search_performed

        from .insight import count_search
        from .review import count_first_approval_as_review

        # The search announces every public search; the editors' reports count them.
        search_performed.connect(count_search, dispatch_uid="editorial-count-search")
        workflow_approved.connect(count_first_approval_as_review, dispatch_uid="editorial-first-approval")
