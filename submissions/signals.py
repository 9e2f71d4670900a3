"""The submitter hears once when the submission is handled: a new offer when its draft is published,
a correction when an editor marks it "Verwerkt" in Meldingen."""

from django.utils import timezone

from .models import Submission
from .notify import tell_submitter_published


def offer_published(sender, instance, **kwargs) -> None:
    waiting = Submission.objects.filter(
        page_id=instance.pk, kind=Submission.Kind.NEW_OFFER, state=Submission.State.NEW
    )
    for submission in waiting:
        submission.state = Submission.State.DONE
        submission.save()


def submission_handled(sender, instance: Submission, **kwargs) -> None:
    if instance.state != Submission.State.DONE or instance.handled_at is not None:
        return
    url = ""
    if instance.page_id and instance.page.live:
        url = instance.page.full_url or ""
    tell_submitter_published(instance, url or "https://leerkr@cht.net")
    Submission.objects.filter(pk=instance.pk).update(handled_at=timezone.now())
