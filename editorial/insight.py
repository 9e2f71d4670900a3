"""Counting public searches (per normalised query and day, nothing personal) for the editors' reports."""

import logging

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query
from wagtail.search.utils import normalise_query_string

from .models import ZeroResultQuery

logger = logging.getLogger(__name__)


def record_search(query: str, total: int) -> None:
    """Count one public search; a failure to count never breaks the search itself."""
    normalised = normalise_query_string(query)[:255]
    if not normalised:
        return
    try:
        with transaction.atomic():
            Query.get(normalised).add_hit()
            if total == 0:
                today = timezone.localdate()
                row, _ = ZeroResultQuery.objects.get_or_create(query_string=normalised, date=today)
                ZeroResultQuery.objects.filter(pk=row.pk).update(hits=F("hits") + 1)
    except Exception:
        logger.exception("Could not record search statistics")


def count_search(sender, query: str, total: int, **kwargs) -> None:
    """Receiver of `search.signals.search_performed`."""
    record_search(query, total)
