"""PostgreSQL: a GIN index on the rank vector, so the title and lead sets of a term (search.term_sets)
are an index lookup, not a scan of every document."""

from django.db import migrations

from search.migration_sql import on_postgres



class Migration(migrations.Migration):
    dependencies = [("search", "0008_starter_synonyms")]

    operations = [
        migrations.RunPython(
            on_postgres(
                "CREATE INDEX IF NOT EXISTS search_document_rank_vector "
                "ON search_searchdocument USING gin (rank_vector)"
            ),
            on_postgres("DROP INDEX IF EXISTS search_document_rank_vector"),
        )
    ]
