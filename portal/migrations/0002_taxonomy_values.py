from django.db import migrations


def load(apps, schema_editor):
    from portal.taxonomy_seed import load_taxonomies

    load_taxonomies(apps.get_model)


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
