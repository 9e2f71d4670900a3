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


def count_first_approval_as_review(sender, instance, user=None, **kwargs):
    """workflow_approved: an Eindredacteur approving a fiche that was never reviewed has reviewed it, so
    a freshly approved fiche does not top "Te herzien" as "nooit nagekeken". The date goes into the
    page and its latest revision, so the next publication keeps it."""
    page = getattr(instance.content_object, "specific", None)
    if page is None or not hasattr(page, "last_reviewed") or page.last_reviewed is not None:
        return
    today = timezone.localdate()
    type(page).objects.filter(pk=page.pk).update(last_reviewed=today)
    page.refresh_from_db(fields=["latest_revision"])
    if page.latest_revision:
        page.latest_revision.content["last_reviewed"] = today.isoformat()
        page.latest_revision.save(update_fields=["content"])


def add_months(day: datetime.date, months: int) -> datetime.date:
    return months_before(day, -months)


def review_plan(today: datetime.date | None = None, months: int = 6) -> dict:
    """How many fiches fall due per partner group: overdue now, then per month ahead, to plan review
    waves. A fiche counts for every group it belongs to (see in_partner_group); one in none counts
    under "Zonder partnergroep"."""
    today = today or timezone.localdate()
    interval = settings.REVIEW_INTERVAL_MONTHS
    month_starts = [add_months(today.replace(day=1), n) for n in range(1, months + 1)]
    fiches = dict(
        Page.objects.type(*FICHE_MODELS).annotate(reviewed=LAST_REVIEWED).values_list("pk", "reviewed")
    )
    groups = {pk: set() for pk in fiches}
    for group_pk in PartnerGroupPage.objects.values_list("pk", flat=True):
        groups.setdefault(group_pk, set()).add(group_pk)
    links = [
        ActorPage.objects.filter(partner_group__isnull=False).values_list("pk", "partner_group"),
        ActionPage.objects.filter(organisers__partner_group__isnull=False).values_list(
            "pk", "organisers__partner_group"
        ),
        GoodPracticePage.objects.filter(related_actors__partner_group__isnull=False).values_list(
            "pk", "related_actors__partner_group"
        ),
    ]
    for rows in links:
        for pk, group_pk in rows:
            groups.setdefault(pk, set()).add(group_pk)
    titles = dict(PartnerGroupPage.objects.values_list("pk", "title"))
    counts: dict = {}
    for pk, reviewed in fiches.items():
        due = add_months(reviewed, interval) if reviewed else None
        if due is None or due <= today:
            column = "overdue"
        else:
            column = next((start for start in month_starts if due < add_months(start, 1)), None)
            if column is None:
                continue  # due later than the plan looks ahead
        for group in groups.get(pk) or {None}:
            row = counts.setdefault(group, {"overdue": 0, **{start: 0 for start in month_starts}})
            row[column] += 1
    rows = [
        {
            "group": titles.get(group, "Zonder partnergroep"),
            "overdue": row["overdue"],
            "months": [row[start] for start in month_starts],
            "total": sum(row.values()),
        }
        for group, row in counts.items()
    ]
    rows.sort(key=lambda row: (row["group"] == "Zonder partnergroep", -row["overdue"], row["group"]))
    return {"months": month_starts, "rows": rows}
