from django.db import migrations


def create(apps, schema_editor):
    from search.backends.fts import fts_for

    for statement in fts_for(schema_editor.connection).create:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    from search.backends.fts import fts_for

    for statement in fts_for(schema_editor.connection).drop:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
