"""The editorial app's models: partner contributors (see contributors.py) and search insight.

ZeroResultQuery counts how often a normalised query found nothing, per day. No IP address, account,
cookie or other personal data is stored (popular queries are counted by Wagtail's search_promotions)."""

from django.db import models

from .contributors import PartnerContributor
from .provider_models import ProviderAnswer, ProviderCheck

__all__ = ["PartnerContributor", "ProviderAnswer", "ProviderCheck", "ZeroResultQuery"]


class ZeroResultQuery(models.Model):
    query_string = models.CharField("zoekopdracht", max_length=255)
    date = models.DateField("dag")
    hits = models.PositiveIntegerField("aantal", default=0)

    class Meta:
        unique_together = [("query_string", "date")]
        verbose_name = "zoekopdracht zonder resultaat"
        verbose_name_plural = "zoekopdrachten zonder resultaat"

    def __str__(self) -> str:
        return f"{self.query_string} ({self.date})"
