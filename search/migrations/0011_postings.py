"""Postings (search.postings): per index term and facet value its documents, filled from the
documents there are. On PostgreSQL the term column sorts bytewise (C collation), so a prefix is a
range of the primary key; the GIN index on the rank vector, which only the per-term lookups used,
goes."""

from django.db import migrations, models

from search.migration_sql import on_postgres


def fill(apps, schema_editor):
    from search import postings

    SearchDocument = apps.get_model("search", "SearchDocument")
    ids = list(SearchDocument.objects.values_list("page_id", flat=True))
    collector = postings.Collector()
    for start in range(0, len(ids), 2000):
        collector.add(postings.stored_keys(ids[start : start + 2000]))
    collector.write()


class Migration(migrations.Migration):
    dependencies = [("search", "0010_indexed_words")]

    operations = [
        migrations.CreateModel(
            name="Posting",
            fields=[
                ("pk", models.CompositePrimaryKey("field", "term", blank=True, editable=False, primary_key=True, serialize=False)),
                ("field", models.CharField(max_length=8)),
                ("term", models.CharField(max_length=255)),
                ("ids", models.BinaryField()),
            ],
            options={"verbose_name": "postinglijst", "verbose_name_plural": "postinglijsten"},
        ),
        migrations.RunPython(
            on_postgres(
                'ALTER TABLE search_posting ALTER COLUMN term TYPE varchar(255) COLLATE "C"',
                "DROP INDEX IF EXISTS search_document_rank_vector",
            ),
            on_postgres(
                "CREATE INDEX IF NOT EXISTS search_document_rank_vector "
                "ON search_searchdocument USING gin (rank_vector)"
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
