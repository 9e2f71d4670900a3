"""Eindredacteur and Beheerder manage search promotions (Wagtail's search_promotions)."""

from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailsearchpromotions", model="searchpromotion")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_searchpromotion", defaults={"name": f"Can {action} promotion"}
        )[0]
        for action in ("add", "change", "delete", "view")
    ]
    for group in Group.objects.filter(name__in=["Eindredacteur", "Beheerder"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_zero_result_queries"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
