"""PostgreSQL: keep the search terms and facet values on the document row (tsvector + text[], both GIN).

One table answers matching, filtering and facet counting without joins, and Django's test flush
empties it with the documents. SQLite keeps its FTS5 table (migration 0002).
"""

from django.db import migrations

from search.migration_sql import on_postgres

FORWARD = [
    "DROP TABLE IF EXISTS search_fts",
    "ALTER TABLE search_searchdocument ADD COLUMN IF NOT EXISTS vector tsvector",
    "ALTER TABLE search_searchdocument ADD COLUMN IF NOT EXISTS facets text[] NOT NULL DEFAULT '{}'",
    "CREATE INDEX IF NOT EXISTS search_document_vector ON search_searchdocument USING GIN (vector)",
    "CREATE INDEX IF NOT EXISTS search_document_facets ON search_searchdocument USING GIN (facets)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_document_facets",
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS facets",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector",
]



class Migration(migrations.Migration):
    dependencies = [("search", "0003_document_keywords")]

    operations = [migrations.RunPython(on_postgres(*FORWARD), on_postgres(*BACKWARD))]
