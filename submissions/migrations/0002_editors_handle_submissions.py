"""The editorial roles see and handle submissions (Meldingen) in the admin."""

from django.db import migrations

ROLES = ["Redacteur", "Eindredacteur", "Beheerder"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="submissions", model="submission")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_submission", defaults={"name": f"Can {action} melding"}
        )[0]
        for action in ("view", "change")
    ]
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("submissions", "0001_initial"), ("editorial", "0005_partner_role")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
