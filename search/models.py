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


def _split_labels(text: str) -> list[str]:
    """Labels kept one per line or separated by "|" or ";" (a comma may be part of a label)."""
    parts = [part.strip() for line in (text or "").splitlines() for part in line.replace(";", "|").split("|")]
    return list(dict.fromkeys(part for part in parts if part))


class Concept(models.Model):
    """A need as teachers put it, mapped to the taxonomy (admin: Concepten), e.g. "dyslexie" with
    alternative labels "leesproblemen", "voorleessoftware" -> DigCompEdu 5.1. A query that names a
    concept ranks the fiches tagged with its competence, pillar or tags first ("Gezocht binnen")."""

    preferred_label = models.CharField(
        "voorkeurslabel",
        max_length=120,
        unique=True,
        help_text="Zoals een leraar het zegt, bv. ‘Differentiatie’. Verschijnt als ‘Gezocht binnen: …’.",
    )
    alternative_labels = models.TextField(
        "andere labels",
        blank=True,
        help_text="Andere woorden of woordgroepen voor hetzelfde, één per regel (of gescheiden door |).",
    )
    competence = models.ForeignKey(
        "portal.DigCompEduCompetence",
        verbose_name="DigCompEdu-competentie",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pillar = models.ForeignKey(
        "portal.Pillar",
        verbose_name="pijler",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = models.CharField(
        "tags",
        max_length=300,
        blank=True,
        help_text="Tags van fiches die bij dit concept horen, gescheiden door |, bv. ‘dyslexie | voorleessoftware’.",
    )

    class Meta:
        verbose_name = "concept"
        verbose_name_plural = "concepten"
        ordering = ["preferred_label"]

    def __str__(self) -> str:
        return self.preferred_label

    def labels(self) -> list[str]:
        """The preferred label, then the alternative ones."""
        return list(dict.fromkeys([self.preferred_label.strip(), *_split_labels(self.alternative_labels)]))

    def alternatives(self) -> list[str]:
        return [label for label in _split_labels(self.alternative_labels) if label != self.preferred_label]

    def tag_names(self) -> list[str]:
        return _split_labels(self.tags)

    def clean(self):
        from django.core.exceptions import ValidationError

        if not self.preferred_label.strip():
            raise ValidationError({"preferred_label": "Geef een voorkeurslabel."})
        if not (self.competence_id or self.pillar_id or self.tag_names()):
            raise ValidationError(
                "Koppel het concept aan een DigCompEdu-competentie, een pijler of minstens één tag: "
                "anders kan de zoekmachine er niets mee."
            )
