"""What the public sends without an account: a new offer (kept as an unpublished draft page) or a
correction of a fiche. Editors handle both in the admin (Meldingen); nothing goes public unreviewed."""

import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from actors.session import CourseMode

# A form sent again within this window with the same content is a retry (an error page, a double click)
# and changes nothing; the public forms and the providers' check share it.
RETRY_WINDOW = datetime.timedelta(minutes=15)


def within_retry_window(queryset):
    """The rows of `queryset` (a model with `created_at`) received within RETRY_WINDOW."""
    return queryset.filter(created_at__gte=timezone.now() - RETRY_WINDOW)


def _local(iso: str) -> datetime.datetime:
    moment = datetime.datetime.fromisoformat(iso)
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


class Submission(models.Model):
    class Kind(models.TextChoices):
        NEW_OFFER = "aanbod", "Nieuw aanbod"
        CORRECTION = "correctie", "Fout of update"

    class State(models.TextChoices):
        NEW = "nieuw", "Nieuw"
        DONE = "verwerkt", "Verwerkt"
        DECLINED = "afgewezen", "Afgewezen"

    kind = models.CharField("soort", max_length=10, choices=Kind.choices)
    state = models.CharField("stand", max_length=10, choices=State.choices, default=State.NEW)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="fiche",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="De fiche waarover de melding gaat, of het concept dat de melding aanmaakte.",
    )
    name = models.CharField("naam", max_length=120)
    email = models.EmailField("e-mailadres")
    organisation = models.CharField("organisatie", max_length=200, blank=True)
    title = models.CharField("titel", max_length=255, blank=True)
    message = models.TextField("bericht")
    first_session = models.JSONField(
        "eerste sessie",
        default=dict,
        blank=True,
        help_text="Nieuw aanbod: de eerste sessie zoals de aanbieder ze opgaf; ze staat als sessie in het concept.",
    )
    created_at = models.DateTimeField("ontvangen op", auto_now_add=True)
    handled_at = models.DateTimeField("verwerkt op", null=True, blank=True)
    review_mailed_at = models.DateTimeField(
        "gemeld als ter controle op",
        null=True,
        blank=True,
        help_text="Wanneer de melder hoorde dat de wijziging ter controle ligt (nog niet online).",
    )

    class Meta:
        verbose_name = "melding"
        verbose_name_plural = "meldingen"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        subject = self.title or (self.page.title if self.page_id else "")
        return f"{self.get_kind_display()}: {subject}"[:120]

    def first_session_text(self) -> str:
        """The first session as one readable Dutch line, e.g. "20 januari 2031, 14:00–16:00, online,
        inschrijven: https://…"; empty when the provider gave none."""
        first = self.first_session or {}
        if not first.get("start"):
            return ""
        start = _local(first["start"])
        end = _local(first["end"]) if first.get("end") else None
        with translation.override("nl-be"):
            parts = [date_format(start, "j F Y")]
            if end is None:
                parts.append(f"{start:%H:%M}")
            elif end.date() == start.date():
                parts.append(f"{start:%H:%M}–{end:%H:%M}")
            else:
                parts.append(f"{start:%H:%M} tot {date_format(end, 'j F Y')} {end:%H:%M}")
        mode, place = first.get("course_mode") or CourseMode.ONSITE, (first.get("location") or "").strip()
        if mode == CourseMode.ONLINE:
            parts.append("online")
        elif mode == CourseMode.BLENDED:
            parts.append(f"{place} en online" if place else "op locatie en online")
        elif place:
            parts.append(place)
        if first.get("registration_url"):
            parts.append(f"inschrijven: {first['registration_url']}")
        return ", ".join(parts)

    def draft_edit_path(self) -> str:
        """The admin page where an editor opens the fiche or the draft this submission made."""
        return reverse("wagtailadmin_pages:edit", args=[self.page_id]) if self.page_id else ""
