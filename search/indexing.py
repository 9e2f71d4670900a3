"""Keeping the search index in step with the pages: what a fiche contributes, and when.

Publishing, unpublishing, moving or deleting a page updates the index at once (signals below), and
so does adding, changing or removing a privacy restriction (password, login or groups) on a page or
an ancestor: the page and everything under it is indexed again, and a restricted fiche leaves every
search surface. `manage.py update_index` rebuilds it whole.

The search knows fiches only through the `FichePage` contract (portal/fiche.py): the kinds it indexes
are the contract's subclasses, and each kind names its text fields, its prefetches, its own keywords
and its facet values.
"""

import logging
from collections import Counter
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.db import connection, models, transaction
from wagtail.models import Page

from portal.fiche import FichePage, fiche_kinds

from . import postings, words
from .backends.elasticsearch import es_documents
from .backends.fts import fts_for
from .backends.selection import elasticsearch_backend
from .cache import bump_index_version
from .facets import page_facet_values
from .models import SearchDocument, SearchFacetValue
from .text import fold

logger = logging.getLogger(__name__)

PREFETCH = [*FichePage.TAXONOMY_RELATIONS, "tags"]


def prefetches(model) -> list[str]:
    return [*PREFETCH, *model.search_prefetch]


def prose_text(page) -> str:
    """The fiche's own text fields, in reading order: searched, and shown as the result's snippet."""
    return "\n".join(value for name in page.search_text_fields if (value := getattr(page, name) or ""))


def keyword_text(page) -> str:
    """What a visitor may also find the fiche by: source, tags, taxonomy labels, organisers, SWOT."""
    parts = [page.source_reference]
    parts += [tag.name for tag in page.tags.all()]
    for relation in FichePage.TAXONOMY_RELATIONS:
        parts += [term.label for term in getattr(page, relation).all()]
    parts += page.search_keywords()
    if hasattr(page, "swot_text"):
        parts.append(page.swot_text())
    return "\n".join(part for part in parts if part)


def _document(page) -> tuple[SearchDocument, list[SearchFacetValue]]:
    body = prose_text(page)
    document = SearchDocument(
        page_id=page.pk,
        kind=page.search_kind,
        title=page.title,
        title_sort=fold(page.title)[:255],
        summary=page.summary,
        body=body,
        keywords=keyword_text(page),
        url_path=page.get_url(None) or page.url_path,
        source=page.source_reference,
        published_at=page.last_published_at or page.first_published_at,
    )
    facets = [
        SearchFacetValue(document_id=page.pk, facet=facet, value=value)
        for facet, values in page_facet_values(page).items()
        for value in dict.fromkeys(values)
    ]
    return document, facets


def index_pages(pages: Iterable, collector: postings.Collector | None = None) -> int:
    """(Re)index these specific pages; those no longer indexable are removed. Returns the number indexed.

    collector: a rebuild gathers the postings of its batches there instead of rewriting them per batch."""
    pages = [page for page in pages if type(page) in fiche_kinds()]
    public = set(
        Page.objects.filter(pk__in=[page.pk for page in pages]).live().public().values_list("pk", flat=True)
    )
    indexable = [page for page in pages if page.pk in public]
    removable = [page.pk for page in pages if page.pk not in public]
    built = [_document(page) for page in indexable]
    terms = {
        doc.pk: postings.DocumentTerms.of(doc.title, doc.summary, doc.body, doc.keywords) for doc, _ in built
    }
    facet_keys = {doc.pk: [f"{f.facet}:{f.value}" for f in facets] for doc, facets in built}
    with transaction.atomic():
        bump_index_version()  # first: its row lock keeps concurrent index updates apart (search.postings)
        remove_pages(removable)
        ids = [document.pk for document, _ in built]
        word_change = Counter()
        word_change.subtract(words.stored_words(ids))  # what these documents held until now
        for document, _ in built:
            word_change.update(
                words.words_of(document.title, document.summary, document.body, document.keywords)
            )
        words.apply(word_change)
        keys = {pk: postings.document_keys(terms[pk], facet_keys[pk]) for pk in ids}
        if collector is None:
            postings.replace(postings.stored_keys(ids), keys)
        else:
            collector.add(keys)
        SearchFacetValue.objects.filter(document_id__in=ids).delete()
        SearchDocument.objects.bulk_create(
            [document for document, _ in built],
            update_conflicts=True,
            unique_fields=["page"],
            update_fields=[
                "kind",
                "title",
                "title_sort",
                "summary",
                "body",
                "keywords",
                "url_path",
                "source",
                "published_at",
            ],
        )
        SearchFacetValue.objects.bulk_create([facet for _, facets in built for facet in facets])
        with connection.cursor() as cursor:
            fts_for().upsert(
                cursor,
                [(pk, terms[pk].title, terms[pk].summary, terms[pk].body, terms[pk].keywords) for pk in ids],
                facets=facet_keys,
            )
        _after_commit_in_elasticsearch("index", ids)
    return len(built)


def remove_pages(page_ids: list[int]) -> None:
    if not page_ids:
        return
    with transaction.atomic():
        bump_index_version()  # the index lock first, as in index_pages
        word_change = Counter()
        word_change.subtract(words.stored_words(page_ids))
        words.apply(word_change)
        postings.replace(postings.stored_keys(page_ids), {})
        with connection.cursor() as cursor:
            fts_for().delete(cursor, page_ids)
        SearchDocument.objects.filter(page_id__in=page_ids).delete()
        _after_commit_in_elasticsearch("delete", list(page_ids))


def _after_commit_in_elasticsearch(action: str, ids: list[int]) -> None:
    """Mirror an index change in Elasticsearch once the database has it (when ES is configured)."""
    backend = elasticsearch_backend()
    if backend is None or not ids:
        return

    def push(ids):
        if action == "delete":
            backend.delete_documents(ids)
        else:
            for batch in es_documents(500, ids):
                backend.index_documents(batch)

    transaction.on_commit(lambda: _safely(push, ids))


def live_fiches(model) -> models.QuerySet:
    return model.objects.live().public().prefetch_related(*prefetches(model))


def rebuild(progress: Callable[[str], None] = lambda _: None, batch_size: int = 500) -> int:
    """Empty the index and index every live, public fiche again."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            fts_for().clear(cursor)
        SearchFacetValue.objects.all().delete()
        SearchDocument.objects.all().delete()
        words.clear()
        postings.clear()
        bump_index_version()
    total = 0
    collector = postings.Collector()
    for model in fiche_kinds():
        ids = list(live_fiches(model).values_list("pk", flat=True))
        for start in range(0, len(ids), batch_size):
            batch = live_fiches(model).filter(pk__in=ids[start : start + batch_size])
            total += index_pages(batch, collector)
            progress(f"{model._meta.verbose_name_plural}: {min(start + batch_size, len(ids))}/{len(ids)}")
    with transaction.atomic():
        bump_index_version()
        collector.write()
    forget_index_failures()
    return total


# --- signals: the index follows publishing, unpublishing, moving and deleting ---


def reindex_handler(instance, **kwargs) -> None:
    # The index lives in the same database: updating it inside the publishing transaction keeps
    # both consistent (a rolled-back publish leaves no trace in the index either).
    page = instance.specific
    if type(page) in fiche_kinds():
        _safely(index_pages, [_fresh(page)])


def reindex_subtree(page_id: int, batch_size: int = 500) -> int:
    """Index again the page and its descendants (e.g. after its privacy changed)."""
    root = Page.objects.filter(pk=page_id).first()
    if root is None:
        return 0
    ids = list(Page.objects.descendant_of(root, inclusive=True).values_list("pk", flat=True))
    total = 0
    for model in fiche_kinds():
        pages = list(model.objects.filter(pk__in=ids).prefetch_related(*prefetches(model)))
        for start in range(0, len(pages), batch_size):
            total += index_pages(pages[start : start + batch_size])
    return total


def privacy_changed_handler(instance, **kwargs) -> None:
    # Answers cached for the old privacy (related lists, browse pages) are forgotten at once; the
    # re-index runs after the commit: a restriction deleted along with its page must not bring it back.
    bump_index_version()
    page_id = instance.page_id
    transaction.on_commit(lambda: _safely(reindex_subtree, page_id))


def _fresh(page):
    return live_fiches(type(page)).filter(pk=page.pk).first() or page


def remove_handler(instance, **kwargs) -> None:
    # Unpublished or about to be deleted: the page leaves the index whatever the database still says
    # (Wagtail unpublishes a page being deleted without saving it first).
    if isinstance(instance, Page):
        _safely(remove_pages, [instance.pk])


def _safely(function, argument) -> None:
    # A failing index update must not undo an editor's publish: it runs in a savepoint of its own, is
    # logged with the pages it concerned and counted (/readyz warns); the next update_index repairs it.
    try:
        with transaction.atomic():
            function(argument)
    except Exception:
        logger.exception("Search index update failed for page(s) %r", argument)
        note_index_failure()


_FAILURES_KEY = "search:index-failures"


def note_index_failure() -> None:
    try:
        cache.add(_FAILURES_KEY, 0, None)
        cache.incr(_FAILURES_KEY)
    except Exception:  # the cache is down too: the log line above is what remains
        logger.warning("Could not count the failed index update in the cache.")


def index_failures() -> int:
    """Failed index updates since the last full rebuild (shared by all workers through the cache)."""
    try:
        return int(cache.get(_FAILURES_KEY) or 0)
    except Exception:
        return 0


def forget_index_failures() -> None:
    cache.delete(_FAILURES_KEY)
