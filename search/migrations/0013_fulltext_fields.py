"""The full-text index keeps title, summary, body and keywords apart, each with its own weight
(search.ranking.FIELD_WEIGHTS): SQLite's FTS5 table gets four columns, PostgreSQL's vector the weights
A-D (and the title-and-summary `rank_vector` goes: ts_rank weighs the fields of `vector` itself).
The terms are computed again from the stored documents; `manage.py update_index` rebuilds all."""

from django.db import migrations

from search.backends.fts import SqliteFts, fts_for, refill

OLD_SQLITE = "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(title, body, tokenize = 'unicode61')"


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        for statement in SqliteFts.drop + SqliteFts.create:
            schema_editor.execute(statement)
    elif connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_document_rank_vector")
        schema_editor.execute("ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS rank_vector")
    else:
        return
    with connection.cursor() as cursor:
        refill(cursor, fts_for(connection))


def backwards(apps, schema_editor):
    """Back to the two-column table (and an empty rank vector); run `manage.py update_index` after."""
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SqliteFts.drop[0])
        schema_editor.execute(OLD_SQLITE)
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_searchdocument ADD COLUMN IF NOT EXISTS rank_vector tsvector")
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS search_document_rank_vector ON search_searchdocument USING gin (rank_vector)"
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0012_concepts")]

    operations = [migrations.RunPython(forwards, backwards)]
