"""The editorial roles see, add and change harvest sources (Oogstbronnen) and run them."""

from django.db import migrations

ROLES = ["Redacteur", "Eindredacteur", "Beheerder"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="harvest", model="harvestsource")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_harvestsource",
            defaults={"name": f"Can {action} oogstbron"},
        )[0]
        for action in ("view", "add", "change", "delete")
    ]
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("harvest", "0001_initial"), ("editorial", "0005_partner_role")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
