"""ActionSession: one dated edition of an action (a course run, a webinar date), edited inline on the action."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class SessionStatus(models.TextChoices):
    OPEN = "open", "Open"
    FULL = "volzet", "Volzet"
    CANCELLED = "geannuleerd", "Geannuleerd"


class CourseMode(models.TextChoices):
    ONSITE = "onsite", "Op locatie"
    ONLINE = "online", "Online"
    BLENDED = "blended", "Gemengd (op locatie en online)"


class SessionLanguage(models.TextChoices):
    DUTCH = "nl", "Nederlands"
    ENGLISH = "en", "Engels"
    FRENCH = "fr", "Frans"
    GERMAN = "de", "Duits"


class ActionSession(Orderable):
    action = ParentalKey("actors.ActionPage", on_delete=models.CASCADE, related_name="sessions")
    start = models.DateTimeField("begin")
    end = models.DateTimeField("einde", null=True, blank=True)
    course_mode = models.CharField("vorm", max_length=8, choices=CourseMode.choices, default="onsite")
    location = models.CharField(
        "plaats", max_length=255, blank=True, help_text="Adres of gemeente; leeg bij een online sessie."
    )
    language = models.CharField("taal", max_length=2, choices=SessionLanguage.choices, default="nl")
    price = models.DecimalField(
        "prijs (euro)",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Leeg of 0 is gratis.",
    )
    seats = models.PositiveIntegerField("aantal plaatsen", null=True, blank=True)
    registration_url = models.URLField("inschrijvingslink", blank=True)
    status = models.CharField("status", max_length=12, choices=SessionStatus.choices, default="open")
    identifier = models.CharField(
        "id bij de aanbieder",
        max_length=100,
        blank=True,
        help_text="De eigen code van de aanbieder; een bulkimport herkent de sessie eraan.",
    )

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldRowPanel([FieldPanel("course_mode"), FieldPanel("location"), FieldPanel("language")]),
        FieldRowPanel([FieldPanel("price"), FieldPanel("seats"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("registration_url"), FieldPanel("identifier")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "sessie"
        verbose_name_plural = "sessies"

    def __str__(self) -> str:
        return f"{self.action.title if self.action_id else 'Sessie'}, {self.start:%d/%m/%Y %H:%M}"

    def clean(self):
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": "Het einde ligt vóór het begin."})
        if not self.online and not self.location.strip():
            raise ValidationError({"location": "Geef een plaats op, of kies de vorm 'Online'."})

    @property
    def online(self) -> bool:
        return self.course_mode == CourseMode.ONLINE

    @property
    def is_free(self) -> bool:
        return not self.price

    @property
    def ends(self):
        """When the session is over: its end, or its start when no end is given."""
        return self.end or self.start

    @property
    def place_label(self) -> str:
        if self.online:
            return "Online"
        return f"{self.location} (ook online)" if self.course_mode == CourseMode.BLENDED else self.location

    @property
    def effective_registration_url(self) -> str:
        return self.registration_url or (self.action.registration_url if self.action_id else "")
