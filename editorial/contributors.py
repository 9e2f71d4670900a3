"""Partner contributors: accounts of partner organisations that keep their own fiche and offers current.

An account is linked to one or more actors. It may edit those actors' fiches and the actions they
organise, add new actions for them and submit everything for review. It never publishes: the
editorial workflow decides. Who may do what is answered in `portal.permissions`.
"""

from django.conf import settings
from django.contrib.admin import display as admin_display
from django.contrib.auth.models import Group
from django.db import models

PARTNER_GROUP = "Partnerbijdrager"


class PartnerContributor(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="partner_contributor",
        verbose_name="account",
    )
    actors = models.ManyToManyField(
        "actors.ActorPage",
        related_name="contributors",
        verbose_name="actoren",
        help_text="De organisaties waarvan dit account de fiche en het aanbod mag bijwerken.",
    )

    class Meta:
        verbose_name = "partnerbijdrager"
        verbose_name_plural = "partnerbijdragers"
        permissions = [
            # Held by the editorial roles, never by partners: classification and private editor fields.
            ("curate_fiches", "Kan redactievelden van fiches beheren"),
        ]

    def __str__(self) -> str:
        return self.user.get_username()

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The group gives admin access; the rights themselves follow the linked actors.
        self.user.groups.add(Group.objects.get_or_create(name=PARTNER_GROUP)[0])

    def delete(self, *args, **kwargs):
        self.user.groups.remove(*Group.objects.filter(name=PARTNER_GROUP))
        return super().delete(*args, **kwargs)

    @admin_display(description="actoren")
    def actor_titles(self) -> str:
        return ", ".join(sorted(actor.title for actor in self.actors.all()))
