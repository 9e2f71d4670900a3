from django.db import migrations


def load(apps, schema_editor):
    from selfassessment.instrument_seed import load_questions

    load_questions(apps.get_model)


class Migration(migrations.Migration):
    dependencies = [("selfassessment", "0001_initial"), ("portal", "0002_taxonomy_values")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
