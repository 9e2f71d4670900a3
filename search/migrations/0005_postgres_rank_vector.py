"""PostgreSQL: a small vector of title and summary terms to rank matches by (see PostgresFts.upsert)."""

from django.db import migrations

from search.migration_sql import on_postgres



class Migration(migrations.Migration):
    dependencies = [("search", "0004_postgres_terms_on_documents")]

    operations = [
        migrations.RunPython(
            on_postgres("ALTER TABLE search_searchdocument ADD COLUMN IF NOT EXISTS rank_vector tsvector"),
            on_postgres("ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS rank_vector"),
        )
    ]
