from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    name = "submissions"
    verbose_name = "Meldingen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import page_published

        from portal.fiche import fiche_kinds

        from .models import Submission
        from .signals import offer_published, submission_handled

        # The submitter hears once when the change is published or the editors mark it handled.
        for kind in fiche_kinds():
            page_published.connect(
                offer_published, sender=kind, dispatch_uid=f"submissions-published-{kind._meta.label_lower}"
            )
        post_save.connect(submission_handled, sender=Submission, dispatch_uid="submissions-handled")
