"""What goes with a logged training when it is deleted (alone, with everything, or with the account):
its evidence file, and the activities it was shared as (so every share is withdrawn)."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from schools.models import Activity

from .models import LoggedTraining, SchoolShare


@receiver(post_delete, sender=LoggedTraining)
def delete_evidence_file(sender, instance, **kwargs):
    if instance.evidence:
        name, storage = instance.evidence.name, instance.evidence.storage
        transaction.on_commit(lambda: storage.delete(name))


@receiver(post_delete, sender=SchoolShare)
def withdraw_shared_activity(sender, instance, **kwargs):
    Activity.objects.filter(pk=instance.activity_id).delete()
