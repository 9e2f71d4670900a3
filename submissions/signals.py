"""The submitter hears when the submission is handled: "ingediend ter controle" while the change is
still a draft, and "staat online" (once) when the fiche is published. A new offer is handled when its
draft is published; a correction when an editor marks it "Verwerkt" in Meldingen."""

from django.utils import timezone

from .models import Submission
from .notify import tell_submitter_in_review, tell_submitter_published


def offer_published(sender, instance, **kwargs) -> None:
    waiting = Submission.objects.filter(page_id=instance.pk, handled_at__isnull=True).exclude(
        state=Submission.State.DECLINED
    )
    for submission in waiting:
        if submission.kind == Submission.Kind.NEW_OFFER or submission.state == Submission.State.DONE:
            submission.state = Submission.State.DONE
            submission.save()  # _handled tells the submitter it is online


def submission_handled(sender, instance: Submission, **kwargs) -> None:
    if instance.state != Submission.State.DONE or instance.handled_at is not None:
        return
    page = instance.page if instance.page_id else None
    if page is not None and (not page.live or page.has_unpublished_changes):
        if instance.review_mailed_at is None:
            instance.review_mailed_at = timezone.now()  # a later save of this instance keeps it
            Submission.objects.filter(pk=instance.pk).update(review_mailed_at=instance.review_mailed_at)
            tell_submitter_in_review(instance)
        return
    url = (page.full_url if page is not None else "") or ""
    tell_submitter_published(instance, url or "https://leerkr@cht.net")
    Submission.objects.filter(pk=instance.pk).update(handled_at=timezone.now())
