"""The indexed words with their document counts (search.words), filled from the documents there are."""

from collections import Counter

from django.db import migrations, models


def fill(apps, schema_editor):
    from search.words import words_of

    SearchDocument = apps.get_model("search", "SearchDocument")
    IndexedWord = apps.get_model("search", "IndexedWord")
    counts: Counter[str] = Counter()
    rows = SearchDocument.objects.values_list("title", "summary", "body", "keywords")
    for row in rows.iterator(chunk_size=2000):
        counts.update(words_of(*row))
    IndexedWord.objects.bulk_create(
        [IndexedWord(word=word[:255], documents=n) for word, n in counts.items()], batch_size=1000
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0009_postgres_rank_vector_index")]

    operations = [
        migrations.CreateModel(
            name="IndexedWord",
            fields=[
                ("word", models.CharField(max_length=255, primary_key=True, serialize=False)),
                ("documents", models.IntegerField(default=0)),
            ],
            options={"verbose_name": "geïndexeerd woord", "verbose_name_plural": "geïndexeerde woorden"},
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
