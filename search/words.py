"""The indexed words with their document frequencies, kept up to date as documents are indexed.

The spelling correction and compound splitting (search.vocabulary) need every indexed word with the
number of documents holding it. Collecting that from the documents takes a pass over all of them
(seconds at 10,000 fiches, far longer at 100,000), which the first search after every publish would
pay. Instead each index update adds the words of the documents it writes and takes away those of
the documents it replaces or removes, in the same transaction; the vocabulary is then one read of
this table.
"""

from collections import Counter
from collections.abc import Iterable

from django.db import connection

from .models import SearchDocument
from .text import index_words

TABLE = "search_indexedword"
BATCH = 500


def words_of(*texts: str) -> set[str]:
    """The distinct indexed words of one document's texts (title, summary, body, keywords)."""
    return {word[:255] for word in index_words(" ".join(text or "" for text in texts))}


def stored_words(page_ids: Iterable[int]) -> Counter:
    """Per word, how many of these documents, as stored now, hold it."""
    counts: Counter[str] = Counter()
    rows = SearchDocument.objects.filter(page_id__in=list(page_ids)).values_list(
        "title", "summary", "body", "keywords"
    )
    for row in rows.iterator(chunk_size=2000):
        counts.update(words_of(*row))
    return counts


def apply(change: Counter) -> None:
    """Add the (signed) change to the words' document counts; words no document holds any more go."""
    items = sorted((word, n) for word, n in change.items() if n)
    with connection.cursor() as cursor:
        for start in range(0, len(items), BATCH):
            batch = items[start : start + BATCH]
            cursor.execute(
                f"INSERT INTO {TABLE} (word, documents) VALUES {', '.join(['(%s, %s)'] * len(batch))} "
                f"ON CONFLICT (word) DO UPDATE SET documents = {TABLE}.documents + excluded.documents",
                [value for item in batch for value in item],
            )
        fewer = [word for word, n in items if n < 0]
        for start in range(0, len(fewer), BATCH):
            batch = fewer[start : start + BATCH]
            cursor.execute(
                f"DELETE FROM {TABLE} WHERE documents <= 0 AND word IN ({', '.join(['%s'] * len(batch))})",
                batch,
            )


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")


def frequencies() -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT word, documents FROM {TABLE}")
        return dict(cursor.fetchall())
