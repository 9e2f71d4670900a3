"""Short Dutch explanations of the six DigCompEdu areas, shown on their pages (editors may change them)."""

from django.db import migrations

def describe(apps, schema_editor):
    from portal.taxonomy_seed import AREA_DESCRIPTIONS

    area_model = apps.get_model("portal", "DigCompEduArea")
    for code, description in AREA_DESCRIPTIONS.items():
        area_model.objects.filter(code=code, description="").update(description=description)


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_taxonomy_values")]

    operations = [migrations.RunPython(describe, migrations.RunPython.noop)]
