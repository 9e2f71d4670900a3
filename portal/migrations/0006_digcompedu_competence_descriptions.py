"""Short Dutch descriptions of the 22 DigCompEdu competences (editors may change them)."""

from django.db import migrations


def describe(apps, schema_editor):
    from portal.taxonomy_seed import COMPETENCE_DESCRIPTIONS

    competence_model = apps.get_model("portal", "DigCompEduCompetence")
    for code, description in COMPETENCE_DESCRIPTIONS.items():
        competence_model.objects.filter(code=code, description="").update(description=description)


class Migration(migrations.Migration):
    dependencies = [("portal", "0005_trust_settings")]

    operations = [migrations.RunPython(describe, migrations.RunPython.noop)]
