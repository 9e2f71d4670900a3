"""The review cycle: every fiche is due for review `REVIEW_INTERVAL_MONTHS` after its last review."""

import calendar
import datetime

from django.conf import settings
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page

from actors.models import ActionPage, ActorPage, PartnerGroupPage
from goodpractices.models import GoodPracticePage

FICHE_MODELS = [ActionPage, ActorPage, GoodPracticePage, PartnerGroupPage]
# The fiche's own last_reviewed, reached from the base Page through multi-table inheritance.
LAST_REVIEWED = Coalesce(*(F(f"{model._meta.model_name}__last_reviewed") for model in FICHE_MODELS))


def months_before(day: datetime.date, months: int) -> datetime.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return datetime.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def review_cutoff(today: datetime.date | None = None) -> datetime.date:
    return months_before(today or timezone.localdate(), settings.REVIEW_INTERVAL_MONTHS)


def fiches_due_for_review(today: datetime.date | None = None):
    """Fiches whose last review is older than the interval (or never happened), oldest first."""
    return (
        Page.objects.type(*FICHE_MODELS)
        .annotate(last_reviewed=LAST_REVIEWED)
        .filter(Q(last_reviewed__lt=review_cutoff(today)) | Q(last_reviewed__isnull=True))
        .order_by(F("last_reviewed").asc(nulls_first=True), "title")
    )


def in_partner_group(queryset, group):
    """The fiches that belong to a partner group: the group itself, its actors, the actions they
    organise and the good practices they take part in (as the search facet `partnergroep` counts them)."""
    return queryset.filter(
        Q(pk=group.pk)
        | Q(pk__in=ActorPage.objects.filter(partner_group=group).values("pk"))
        | Q(pk__in=ActionPage.objects.filter(organisers__partner_group=group).values("pk"))
        | Q(pk__in=GoodPracticePage.objects.filter(related_actors__partner_group=group).values("pk"))
    )


def mark_reviewed(pages, user=None, today: datetime.date | None = None) -> int:
    """Set today's date as the last review; a live page without pending changes is republished."""
    today = today or timezone.localdate()
    count = 0
    for page in pages:
        page = page.specific
        if not hasattr(page, "last_reviewed"):
            continue
        if page.live and not page.has_unpublished_changes:
            page.last_reviewed = today
            page.save_revision(user=user, log_action=True).publish(user=user)
        else:
            # Pending draft changes stay a draft: only the date is updated, in the page and its draft.
            type(page).objects.filter(pk=page.pk).update(last_reviewed=today)
            if page.latest_revision:
                draft = page.latest_revision
                draft.content["last_reviewed"] = today.isoformat()
                draft.save(update_fields=["content"])
        count += 1
    return count
