"""PostgreSQL: a small vector of title and summary terms to rank matches by (see PostgresFts.upsert)."""

from django.db import migrations


def run(statement):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0004_postgres_terms_on_documents")]

    operations = [
        migrations.RunPython(
            run("ALTER TABLE search_searchdocument ADD COLUMN IF NOT EXISTS rank_vector tsvector"),
            run("ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS rank_vector"),
        )
    ]
