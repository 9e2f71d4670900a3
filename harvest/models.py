"""A provider's feed the portal reads (HarvestSource) and what the harvester last wrote per session
(HarvestedSession), so that it recognises an editor's manual change and never overwrites it."""

from django.db import models


class HarvestSource(models.Model):
    class Kind(models.TextChoices):
        ICAL = "ical", "iCalendar (.ics)"
        JSONLD = "jsonld", "Webpagina met schema.org JSON-LD (Course, CourseInstance, Event)"
        CSV = "csv", "CSV in het sessieformaat"

    class Trust(models.TextChoices):
        LIVE = "live", "Sessies van bekend aanbod gaan meteen online"
        REVIEW = "review", "Alles gaat eerst ter controle"

    name = models.CharField("naam", max_length=200)
    url = models.URLField("adres", max_length=500, unique=True)
    kind = models.CharField("soort", max_length=8, choices=Kind.choices)
    actor = models.ForeignKey(
        "actors.ActorPage",
        verbose_name="aanbieder",
        on_delete=models.CASCADE,
        related_name="harvest_sources",
        help_text="Alleen aanbod van deze organisatie wordt bijgewerkt.",
    )
    trust = models.CharField("vertrouwen", max_length=8, choices=Trust.choices, default=Trust.REVIEW)
    active = models.BooleanField(
        "actief", default=True, help_text="Uit: `manage.py harvest` slaat haar over."
    )
    etag = models.CharField(max_length=200, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_run_at = models.DateTimeField("laatst opgehaald", null=True, blank=True, editable=False)
    last_status = models.CharField("stand", max_length=12, blank=True, editable=False)
    last_counts = models.JSONField("aantallen", default=dict, blank=True, editable=False)
    last_message = models.TextField("verslag", blank=True, editable=False)
    proposed = models.JSONField(
        default=list, blank=True, editable=False
    )  # ids of sessions ever proposed as a new offer: one the editors deleted is not proposed again

    class Meta:
        verbose_name = "oogstbron"
        verbose_name_plural = "oogstbronnen"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def counts_label(self) -> str:
        counts = self.last_counts or {}
        return ", ".join(f"{counts.get(key, 0)} {label}" for key, label in COUNT_LABELS.items())

    counts_label.short_description = "Laatste resultaat"


COUNT_LABELS = {
    "nieuw": "nieuw",
    "gewijzigd": "gewijzigd",
    "gesloten": "gesloten",
    "ongewijzigd": "ongewijzigd",
    "handmatig": "handmatig gewijzigd (niet overschreven)",
    "niet_gekoppeld": "niet gekoppeld",
}


class HarvestedSession(models.Model):
    source = models.ForeignKey(HarvestSource, on_delete=models.CASCADE, related_name="sessions")
    action = models.ForeignKey("actors.ActionPage", on_delete=models.CASCADE, related_name="+")
    identifier = models.CharField(max_length=100)
    digest = models.CharField(max_length=64)  # of the values the harvester last wrote

    class Meta:
        unique_together = [("source", "action", "identifier")]

    def __str__(self) -> str:
        return f"{self.source}: {self.identifier}"
