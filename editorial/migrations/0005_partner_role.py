"""The partner contributor role, and the editorial roles' right to the editors' own fiche fields.

- Partnerbijdrager: reaches the admin; what it may edit follows its linked actors (editorial.permissions).
- Redacteur, Eindredacteur, Beheerder: may see and change the editorial fields (curate_fiches).
- Beheerder: links accounts to actors (Instellingen > Partnerbijdragers).
"""

from django.db import migrations


def permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})[0]


def create_partner_role(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    partners, _ = Group.objects.get_or_create(name="Partnerbijdrager")
    partners.permissions.add(permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"))
    curate = permission(apps, "editorial", "partnercontributor", "curate_fiches", "Kan redactievelden van fiches beheren")
    for group in Group.objects.filter(name__in=["Redacteur", "Eindredacteur", "Beheerder"]):
        group.permissions.add(curate)
    manage_links = [
        permission(apps, "editorial", "partnercontributor", f"{action}_partnercontributor", f"Can {action} partnerbijdrager")
        for action in ("add", "change", "delete", "view")
    ]
    for group in Group.objects.filter(name="Beheerder"):
        group.permissions.add(*manage_links)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0004_partner_contributors"),
    ]

    operations = [migrations.RunPython(create_partner_role, migrations.RunPython.noop)]
