"""The search index kept in the database: one document per live, public fiche, and its facet values.

The full-text part lives in an engine-specific table `search_fts` (SQLite FTS5 or a PostgreSQL
tsvector with a GIN index), created by migration 0002 and written by `search.backends.fts`.
"""

from django.db import models


class SearchDocument(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    kind = models.CharField(max_length=20, db_index=True)  # the `type` facet value
    title = models.CharField(max_length=255)
    title_sort = models.CharField(max_length=255, db_index=True)  # folded: accents do not disturb A-Z
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)  # the fiche's text fields, for snippets and highlighting
    keywords = models.TextField(blank=True)  # tags, taxonomy labels, organisers, SWOT: searched, not shown
    url_path = models.CharField(max_length=500)  # the page's path on its site
    source = models.CharField(max_length=30, blank=True)
    published_at = models.DateTimeField(null=True, db_index=True)

    class Meta:
        verbose_name = "zoekdocument"
        verbose_name_plural = "zoekdocumenten"

    def __str__(self) -> str:
        return self.title


class SearchFacetValue(models.Model):
    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facet_values")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=60)

    class Meta:
        indexes = [
            models.Index(fields=["facet", "value", "document"], name="search_facet_value_doc"),
            models.Index(fields=["document", "facet"], name="search_facet_doc"),
        ]
        unique_together = [("document", "facet", "value")]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"


def _new_token() -> str:
    import uuid

    return uuid.uuid4().hex


class IndexState(models.Model):
    """One row: the index's version token, changed by every index update (see search.cache)."""

    SINGLETON = 1

    token = models.CharField(max_length=32, default=_new_token)

    class Meta:
        verbose_name = "indexversie"

    def __str__(self) -> str:
        return self.token


class IndexedWord(models.Model):
    """An indexed word and the number of documents holding it, kept as documents are indexed
    (search.words), so the spelling vocabulary is one read instead of a pass over every document."""

    word = models.CharField(max_length=255, primary_key=True)
    documents = models.IntegerField(default=0)  # not Positive: a stray decrement must not fail a publish

    class Meta:
        verbose_name = "geïndexeerd woord"
        verbose_name_plural = "geïndexeerde woorden"

    def __str__(self) -> str:
        return f"{self.word} ({self.documents})"


class Posting(models.Model):
    """The documents holding one index term or facet value, as a serialized roaring bitmap, kept as
    documents are indexed (search.postings), so a term's documents are one small read."""

    pk = models.CompositePrimaryKey("field", "term")
    field = models.CharField(max_length=8)  # "all", "title", "lead", "facet" or "doc"
    term = models.CharField(max_length=255)  # C collation on PostgreSQL: prefixes are ranges
    ids = models.BinaryField()

    class Meta:
        verbose_name = "postinglijst"
        verbose_name_plural = "postinglijsten"

    def __str__(self) -> str:
        return f"{self.field}:{self.term}"


class Synonym(models.Model):
    """Words or phrases that mean the same to a searcher, e.g. "coderen, programmeren" (admin:
    Synoniemen). Applied when a query is interpreted; effective at once, no rebuild needed."""

    terms = models.CharField(
        "woorden",
        max_length=300,
        help_text=(
            "Twee of meer woorden of woordgroepen met dezelfde betekenis, gescheiden door komma's, "
            "bv. ‘coderen, programmeren’ of ‘AI, artificiële intelligentie’."
        ),
    )

    class Meta:
        verbose_name = "synoniem"
        verbose_name_plural = "synoniemen"
        ordering = ["terms"]

    def __str__(self) -> str:
        return self.terms

    def phrases(self) -> list[str]:
        return [part.strip() for part in self.terms.split(",") if part.strip()]

    def clean(self):
        from django.core.exceptions import ValidationError

        if len({part.lower() for part in self.phrases()}) < 2:
            raise ValidationError(
                {"terms": "Geef minstens twee verschillende woorden, gescheiden door een komma."}
            )
