"""Asking providers whether their fiches are still right (see provider_check.py).

ProviderCheck is one question to one actor: sent to the organisation's own address, reminded at most
once, answered or not. ProviderAnswer is one verdict on one fiche or session; "wijzig" and "bestaat niet
meer" become a Melding (submissions) for the editors, "klopt nog" a new review date on the fiche."""

from django.db import models


class ProviderCheck(models.Model):
    actor = models.ForeignKey(
        "actors.ActorPage", verbose_name="actor", on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField("verstuurd naar")
    sent_at = models.DateTimeField("verstuurd op")
    reminded_at = models.DateTimeField("herinnerd op", null=True, blank=True)
    answered_at = models.DateTimeField("beantwoord op", null=True, blank=True)

    class Meta:
        verbose_name = "controle door een aanbieder"
        verbose_name_plural = "controles door aanbieders"
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.actor.title} ({self.sent_at:%d/%m/%Y})"


class ProviderAnswer(models.Model):
    class Verdict(models.TextChoices):
        STILL_RIGHT = "klopt", "Klopt nog"
        CHANGE = "wijzig", "Wijzig"
        GONE = "weg", "Bestaat niet meer"

    provider_check = models.ForeignKey(ProviderCheck, on_delete=models.CASCADE, related_name="answers")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="fiche", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    session = models.ForeignKey(
        "actors.ActionSession", verbose_name="sessie", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    item = models.CharField("over", max_length=300)
    verdict = models.CharField("antwoord", max_length=6, choices=Verdict.choices)
    note = models.TextField("toelichting", blank=True)
    submission = models.ForeignKey(
        "submissions.Submission",
        verbose_name="melding",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("ontvangen op", auto_now_add=True)

    class Meta:
        verbose_name = "antwoord van een aanbieder"
        verbose_name_plural = "antwoorden van aanbieders"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.item}: {self.get_verdict_display()}"
