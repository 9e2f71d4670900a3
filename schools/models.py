"""A school's workspace: its members, team rounds and plans.

Isolation lives in one place: ``School.objects.for_member(user)``. Every view reaches rounds, plans
and goals through the schools it returns, so another school's objects simply do not exist for it.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models

from portal.taxonomy_seed import SIMPLE_TAXONOMIES

BEHEERDER, BEWERKER, LEZER = "beheerder", "bewerker", "lezer"
ROLE_CHOICES = [(BEHEERDER, "Beheerder"), (BEWERKER, "Bewerker"), (LEZER, "Lezer")]
EDIT_ROLES = (BEHEERDER, BEWERKER)
NETWORK_CHOICES = [
    ("go", "GO! onderwijs van de Vlaamse Gemeenschap"),
    ("ovsg", "Officieel gesubsidieerd onderwijs (OVSG)"),
    ("pov", "Provinciaal onderwijs (POV)"),
    ("kov", "Katholiek Onderwijs Vlaanderen"),
    ("andere", "Ander net of onafhankelijk"),
]
LEVEL_CHOICES = [(code, label) for code, label, _ in SIMPLE_TAXONOMIES["SchoolLevel"]]


def new_token() -> str:
    return secrets.token_urlsafe(24)


class SchoolQuerySet(models.QuerySet):
    def for_member(self, user):
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(memberships__user=user)


class School(models.Model):
    name = models.CharField("naam", max_length=200)
    institution_number = models.CharField("instellingsnummer", max_length=20, blank=True)
    network = models.CharField("onderwijsnet", max_length=20, choices=NETWORK_CHOICES)
    levels = models.JSONField("onderwijsniveaus", default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SchoolQuerySet.as_manager()

    class Meta:
        verbose_name = "school"
        verbose_name_plural = "scholen"
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def role_of(self, user) -> str | None:
        membership = self.memberships.filter(user=user).first()
        return membership.role if membership else None

    @property
    def level_labels(self) -> list[str]:
        labels = dict(LEVEL_CHOICES)
        return [labels[code] for code in self.levels if code in labels]


class Membership(models.Model):
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="school_memberships"
    )
    role = models.CharField("rol", max_length=20, choices=ROLE_CHOICES)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["school", "user"], name="one_membership_per_school")]
        ordering = ["user__email"]

    def __str__(self):
        return f"{self.user} ({self.role}) in {self.school}"


class Invitation(models.Model):
    """An e-mail invitation to join a school; the link carries a random token, used once."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField("e-mailadres")
    role = models.CharField("rol", max_length=20, choices=[c for c in ROLE_CHOICES if c[0] != BEHEERDER])
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.email} ({self.role})"


class RoundClosed(Exception):
    """A closed round stays closed: its result was published once and may never change."""


class TeamRound(models.Model):
    """A team self-assessment round. Each person answers once, through a personal one-time link (a
    RoundTicket) or through their account; the answers are readable only as a team result, and only
    once the round is closed. Closing freezes the result (aggregates.summarise) and erases the
    individual answers, so nobody can compare the table before and after one more answer."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="rounds")
    title = models.CharField("titel", max_length=200)
    token = models.CharField(max_length=64, unique=True, default=new_token)  # legacy open link: refused
    is_open = models.BooleanField("open", default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_on = models.DateField("gesloten op", null=True, blank=True)
    result = models.JSONField("teamresultaat", null=True, blank=True)  # aggregates.summarise, frozen

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.pk and self.is_open and TeamRound.objects.filter(pk=self.pk, is_open=False).exists():
            raise RoundClosed("Een gesloten ronde gaat niet meer open.")
        super().save(*args, **kwargs)


def ticket_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class RoundTicket(models.Model):
    """One person's right to answer one round once: the personal link e-mailed to a member or an
    invited address, or their account. Only a digest of the link is stored. Spending it sets
    ``spent`` and nothing else: the answer it allowed carries no reference to the ticket."""

    round = models.ForeignKey(TeamRound, on_delete=models.CASCADE, related_name="tickets")
    email = models.EmailField()
    digest = models.CharField(max_length=64, unique=True)
    spent = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "email"], name="one_ticket_per_person")]

    def __str__(self):
        return "persoonlijke link"


class TeamAnswer(models.Model):
    """One anonymous answer: only the levels per competence. No name, e-mail, IP, user agent or
    time beyond the day (so answers cannot be matched to who was in the staff room when). Erased
    when the round closes; only the frozen team result remains."""

    round = models.ForeignKey(TeamRound, on_delete=models.CASCADE, related_name="answers")
    levels = models.JSONField(default=dict)  # competence code -> level index 0..5 or None
    answered_on = models.DateField(auto_now_add=True)

    def __str__(self):
        return "anoniem antwoord"


class Plan(models.Model):
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="plans")
    school_year = models.CharField("schooljaar", max_length=9)  # "2026-2027"
    vision = models.TextField("visie", blank=True)
    next_steps = models.TextField("volgende stappen", blank=True)
    approved_by = models.CharField("goedgekeurd door", max_length=200, blank=True)
    approved_on = models.DateField("goedgekeurd op", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-school_year", "-pk"]
        constraints = [models.UniqueConstraint(fields=["school", "school_year"], name="one_plan_per_year")]

    def __str__(self):
        return f"{self.school} {self.school_year}"


GOAL_STATUS_CHOICES = [
    ("gepland", "Gepland"),
    ("bezig", "Bezig"),
    ("bereikt", "Bereikt"),
    ("niet-bereikt", "Niet bereikt"),
]
OPEN_STATUSES = ("gepland", "bezig", "niet-bereikt")


class Goal(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField("titel", max_length=200)
    competences = models.JSONField("competenties", default=list, blank=True)
    target_level = models.CharField("doelniveau", max_length=2, blank=True)
    indicator = models.CharField("meetbare indicator", max_length=300, blank=True)
    target = models.CharField("streefwaarde", max_length=200, blank=True)
    owner = models.CharField("eigenaar", max_length=200, blank=True)
    deadline = models.DateField("deadline", null=True, blank=True)
    status = models.CharField("status", max_length=20, choices=GOAL_STATUS_CHOICES, default="gepland")
    offers = models.JSONField("gekoppeld aanbod", default=list, blank=True)  # fiche page ids
    evidence = models.TextField("bewijs of resultaat", blank=True)  # what shows the goal was (not) reached
    measured = models.CharField("gemeten waarde", max_length=200, blank=True)  # against the target
    history = models.TextField("geschiedenis", blank=True)  # statuses and next steps of earlier years

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.title


class Activity(models.Model):
    """Professionalisation followed: a portal offer, an internal session or informal learning."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="activities")
    goals = models.ManyToManyField(Goal, blank=True, related_name="activities")
    date = models.DateField("datum")
    title = models.CharField("titel", max_length=200)
    fiche = models.IntegerField("fiche", null=True, blank=True)  # a page id of the portal's offer
    participants = models.PositiveIntegerField("deelnemers", default=1)
    hours = models.DecimalField("uren", max_digits=6, decimal_places=1, default=0)
    cost = models.DecimalField("kost (euro)", max_digits=9, decimal_places=2, null=True, blank=True)
    from_digiplan = models.BooleanField("betaald met Digisprongmiddelen (Digiplan)", default=False)

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self):
        return self.title


class PersonalResult(models.Model):
    """A teacher's own self-assessment result code, kept on their account because they ticked the
    consent box. Nobody else sees it; a school only gets an anonymous copy in a round it is shared with."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="personal_results"
    )
    code = models.CharField("resultaatcode", max_length=64)
    taken_on = models.DateField("datum")
    consented_at = models.DateTimeField("toestemming gegeven op")

    class Meta:
        ordering = ["-taken_on", "-pk"]
        verbose_name = "eigen resultaat"
        verbose_name_plural = "eigen resultaten"

    def __str__(self):
        return f"resultaat van {self.taken_on}"

    def forget(self):
        """Delete the result and withdraw the anonymous answers it added to team rounds."""
        TeamAnswer.objects.filter(pk__in=self.shares.values("answer")).delete()
        self.delete()


class SharedResult(models.Model):
    """The teacher's deliberate choice to add a personal result to one team round. The round itself
    only holds an anonymous TeamAnswer; this link, kept on the teacher's side and never shown to the
    school, lets the teacher withdraw it again (no reverse accessor: the answer knows nothing of it)."""

    result = models.ForeignKey(PersonalResult, on_delete=models.CASCADE, related_name="shares")
    round = models.ForeignKey(TeamRound, on_delete=models.CASCADE, related_name="shared_results")
    answer = models.OneToOneField(TeamAnswer, on_delete=models.CASCADE, related_name="+")
    shared_on = models.DateField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["result", "round"], name="share_a_result_once")]

    def __str__(self):
        return f"gedeeld met {self.round}"
