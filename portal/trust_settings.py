"""Who is responsible for the portal, and for how long it keeps what: one Wagtail site setting
(Instellingen > Organisatie en privacy), shown on /contact/ and the privacy page. `manage.py check
--deploy` warns while it still names a development address (portal.checks)."""

from django.conf import settings
from django.db import models
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site", name="organisatie-en-privacy")
class TrustSettings(BaseSiteSetting):
    organisation = models.CharField(
        "verantwoordelijke organisatie",
        max_length=200,
        default="De redactie van Leerkr@cht.net",
        help_text="Wie verantwoordelijk is voor het portaal en zijn gegevens (de verwerkingsverantwoordelijke).",
    )
    address = models.TextField(
        "adres",
        blank=True,
        help_text="Het postadres van die organisatie, zoals het op de contact- en privacypagina staat.",
    )
    contact_email = models.EmailField(
        "e-mailadres van de redactie",
        blank=True,
        help_text="Leeg: het afzendadres van het portaal (DEFAULT_FROM_EMAIL).",
    )
    privacy_email = models.EmailField(
        "contact voor gegevensbescherming",
        blank=True,
        help_text="Het adres van de functionaris of dienst voor gegevensbescherming. Leeg: het adres van de redactie.",
    )
    retention_submissions = models.CharField(
        "bewaartermijn meldingen",
        max_length=200,
        default="twee jaar na de verwerking",
    )
    retention_accounts = models.CharField(
        "bewaartermijn accounts",
        max_length=200,
        default="tot je het account verwijdert, of twee jaar na de laatste aanmelding",
    )
    retention_logs = models.CharField(
        "bewaartermijn serverlogboeken",
        max_length=200,
        default="30 dagen",
    )

    class Meta:
        verbose_name = "organisatie en privacy"

    @property
    def editors_email(self) -> str:
        return self.contact_email or settings.DEFAULT_FROM_EMAIL.rpartition("<")[2].strip(">").strip()

    @property
    def data_protection_email(self) -> str:
        return self.privacy_email or self.editors_email
