"""A teacher's own leerpad: saved and followed offers, a personal calendar feed, logged trainings
with optional evidence, and shares of a training with a school.

Every model hangs off the user with on_delete=CASCADE: deleting the account deletes the leerpad,
and (leerpad.signals) the evidence files and every activity shared with a school. Nothing here is
visible to a school unless the teacher shares one training (SchoolShare).
"""

import secrets
import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models

from actors.models import ActionPage
from portal.taxonomy import DigCompEduCompetence
from schools.models import Activity, Membership, School

from .storage import get_evidence_storage


class SavedOffer(models.Model):
    """An offer the teacher bookmarked; "volgen" puts its sessions in the personal calendar feed."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_offers")
    offer = models.ForeignKey(ActionPage, on_delete=models.CASCADE, related_name="+")
    following = models.BooleanField("volgen", default=False)
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-saved_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "offer"], name="save_an_offer_once")]
        verbose_name = "bewaard aanbod"
        verbose_name_plural = "bewaard aanbod"

    def __str__(self):
        return f"bewaard aanbod {self.offer_id}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret of the personal iCalendar feed; revoking deletes it (the old link then gives 404)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="leerpad_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return "persoonlijke agendalink"


def evidence_name(instance, filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()[:5]
    return f"{uuid.uuid4().hex}{suffix}"


class LoggedTraining(models.Model):
    """A training the teacher followed: an offer of the portal or free text."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="logged_trainings"
    )
    offer = models.ForeignKey(
        ActionPage, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="aanbod"
    )
    title = models.CharField("titel", max_length=200)
    date = models.DateField("datum")
    hours = models.DecimalField("uren", max_digits=5, decimal_places=1)
    summary = models.TextField("wat ik ermee doe in de klas", max_length=2000, blank=True)
    competence = models.ForeignKey(
        DigCompEduCompetence,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="competentie",
    )
    evidence = models.FileField(
        "bewijsstuk", storage=get_evidence_storage, upload_to=evidence_name, blank=True, max_length=100
    )
    evidence_type = models.CharField(
        max_length=20, blank=True
    )  # "application/pdf", "image/png", "image/jpeg"
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "gevolgde vorming"
        verbose_name_plural = "gevolgde vormingen"

    def __str__(self):
        return self.title


class SchoolShare(models.Model):
    """The teacher's choice to show one logged training to one school: it then exists there as an
    Activity of the school's plan. Unsharing (or deleting the training or the account) deletes that
    activity (leerpad.signals); the school never sees the rest of the leerpad."""

    training = models.ForeignKey(LoggedTraining, on_delete=models.CASCADE, related_name="shares")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    activity = models.OneToOneField(Activity, on_delete=models.CASCADE, related_name="leerpad_share")
    by_name = models.BooleanField("met mijn naam", default=False)
    shared_on = models.DateField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["training", "school"], name="share_a_training_once_per_school")
        ]

    def __str__(self):
        return f"gedeeld met {self.school}"


GROUP_CHOICES = [
    ("iedereen", "Iedereen"),
    ("starters", "Starters"),
    ("administratief", "Administratief personeel"),
    ("ander", "Een andere groep"),
]


class SchoolPick(models.Model):
    """An offer the school's beheerder puts in front of (a group of) the team, maybe with a date."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    offer = models.ForeignKey(ActionPage, on_delete=models.CASCADE, related_name="+")
    group = models.CharField("voor wie", max_length=20, choices=GROUP_CHOICES, default="iedereen")
    group_name = models.CharField("naam van de groep", max_length=80, blank=True)
    due = models.DateField("af te ronden tegen", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due", "-created_at", "-pk"]
        verbose_name = "prioriteit van de school"
        verbose_name_plural = "prioriteiten van de school"

    def __str__(self):
        return f"prioriteit {self.offer_id} van {self.school}"

    @property
    def group_label(self) -> str:
        return self.group_name if self.group == "ander" and self.group_name else self.get_group_display()


class MemberGroup(models.Model):
    """The beheerder puts a member in a group (starters, administratief personeel, or a group of their
    own naming); the member then sees the school's picks for everyone and for their groups. It hangs off
    the membership: leaving the school (or deleting the account) removes it."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    group = models.CharField("groep", max_length=20, choices=GROUP_CHOICES[1:])
    group_name = models.CharField("naam van de groep", max_length=80, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["membership", "group", "group_name"], name="one_group_entry_per_member"
            )
        ]

    def __str__(self):
        return self.group_name or self.get_group_display()


class SessionMail(models.Model):
    """The teacher's choice to get an e-mail when an offer they follow gets a new session. No row
    means the teacher never chose: no mail. The token is the key of the unsubscribe link."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="leerpad_session_mail"
    )
    wanted = models.BooleanField("e-mail bij een nieuwe sessie", default=False)
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    chosen_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return "e-mail bij nieuwe sessies"


class SessionNotice(models.Model):
    """A new session a teacher was mailed about: one mail per teacher, offer and start, however often
    the session is saved again, re-imported or re-harvested."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    offer = models.ForeignKey(ActionPage, on_delete=models.CASCADE, related_name="+")
    start = models.DateTimeField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "offer", "start"], name="mail_a_new_session_once")
        ]

    def __str__(self):
        return f"gemeld: sessie van {self.offer_id} op {self.start:%Y-%m-%d %H:%M}"


class WallPost(models.Model):
    """A logged training's summary shared to the school's leerwand (seen by that school's members only),
    by name or as "een teamlid". Unsharing, deleting the training or the account deletes it."""

    training = models.ForeignKey(LoggedTraining, on_delete=models.CASCADE, related_name="wall_posts")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    by_name = models.BooleanField("met mijn naam", default=False)
    posted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-posted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["training", "school"], name="one_wall_post_per_training_and_school"
            )
        ]

    def __str__(self):
        return f"op de leerwand van {self.school}"
