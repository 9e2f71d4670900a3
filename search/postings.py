"""Postings: for every index term and facet value, the ids of the documents holding it, kept in the
database as a roaring bitmap and brought up to date by every index change.

Finding a term's documents through the full-text index means reading every matching row: at 100,000
fiches a common word ("school") is 24,000 heap blocks, about 50 ms for the first search that needs it
after a publish. A posting is one small row (a few KB), so a term set (search.term_sets) or the facet
bitmaps (search.bitmaps) cost one indexed read, however many documents they hold.

Keys are (field, term):

- "all": every term of the document (title, summary, body and keywords), what matches;
- "title" and "lead" (title and summary): for the cheap ranking of broad queries (search.ranking);
- "facet": "facet:value", e.g. "type:actie";
- "doc": the one key ("doc", "") whose posting is every indexed document.

An index update replaces its documents in the postings of every key they held before or hold now,
in the transaction of the update itself. The update first takes the index version's row lock
(search.cache.lock_index), so two publishes never read and rewrite the same posting at once: the
postings always equal what a full rebuild would make.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from pyroaring import BitMap

from .models import SearchDocument, SearchFacetValue
from .text import index_terms

TABLE = "search_posting"
TEXT_FIELDS = ("all", "title", "lead")
FACET = "facet"
DOCUMENTS = ("doc", "")
BATCH = 500
PREFIX_END = "\U0010ffff"  # sorts after every character (the term column has the C collation)

Key = tuple[str, str]


@dataclass(frozen=True)
class DocumentTerms:
    """A document's index terms (search.text.index_terms), space-separated, per part."""

    title: str
    summary: str
    body: str
    keywords: str  # taxonomy labels, tags, organisers

    @classmethod
    def of(cls, title: str, summary: str, body: str, keywords: str = "") -> "DocumentTerms":
        return cls(index_terms(title), index_terms(summary), index_terms(body), index_terms(keywords))

    @property
    def rest(self) -> str:
        """The terms of the body and the keywords together."""
        return f"{self.body} {self.keywords}"


def document_keys(terms: DocumentTerms, facets: Iterable[str]) -> set[Key]:
    """Every key a document holds: its terms per field, its "facet:value"s and the documents key."""
    title = set(terms.title.split())
    lead = title | set(terms.summary.split())
    every = lead | set(terms.rest.split())
    return (
        {("title", term) for term in title}
        | {("lead", term) for term in lead}
        | {("all", term) for term in every}
        | {(FACET, value) for value in facets}
        | {DOCUMENTS}
    )


def stored_keys(page_ids: list[int]) -> dict[int, set[Key]]:
    """The keys of these documents as they are stored now (what their postings hold them under)."""
    facets = defaultdict(list)
    values = SearchFacetValue.objects.filter(document_id__in=page_ids).values_list(
        "document_id", "facet", "value"
    )
    for pk, facet, value in values:
        facets[pk].append(f"{facet}:{value}")
    rows = SearchDocument.objects.filter(page_id__in=page_ids).values_list(
        "page_id", "title", "summary", "body", "keywords"
    )
    return {
        pk: document_keys(DocumentTerms.of(title, summary, body, keywords), facets[pk])
        for pk, title, summary, body, keywords in rows.iterator(chunk_size=2000)
    }


def replace(before: dict[int, set[Key]], after: dict[int, set[Key]]) -> None:
    """The documents of `before` (their keys as stored until now) leave every posting; those of
    `after` join the postings of their keys. Run under the index lock (search.cache.lock_index)."""
    changed = BitMap(before) | BitMap(after)
    if not changed:
        return
    added = inverted(after)
    touched = set(added).union(*before.values())
    current = read(touched)
    updated = {key: (current.get(key, BitMap()) - changed) | added.get(key, BitMap()) for key in touched}
    # An edit keeps most of a fiche's words: only the postings it really changes are written.
    write({key: ids for key, ids in updated.items() if key not in current or ids != current[key]})


def inverted(keys_by_document: dict[int, set[Key]]) -> dict[Key, BitMap]:
    """Per key, the documents holding it."""
    ids = defaultdict(list)
    for pk, keys in keys_by_document.items():
        for key in keys:
            ids[key].append(pk)
    return {key: BitMap(pks) for key, pks in ids.items()}


class Collector:
    """The postings of a rebuild, gathered in memory batch by batch and written once at the end
    (writing them per batch would rewrite the large postings of common terms hundreds of times)."""

    def __init__(self) -> None:
        self.postings: dict[Key, BitMap] = defaultdict(BitMap)

    def add(self, keys_by_document: dict[int, set[Key]]) -> None:
        for key, ids in inverted(keys_by_document).items():
            self.postings[key] |= ids

    def write(self) -> None:
        write(self.postings)


def read(keys: Iterable[Key]) -> dict[Key, BitMap]:
    by_field = defaultdict(list)
    for field, term in keys:
        by_field[field].append(term)
    found = {}
    with connection.cursor() as cursor:
        for field, terms in by_field.items():
            for chunk in _chunks(sorted(terms)):
                cursor.execute(
                    f"SELECT term, ids FROM {TABLE} WHERE field = %s AND term IN ({_marks(chunk)})",
                    [field, *chunk],
                )
                found.update({(field, term): _bitmap(raw) for term, raw in cursor.fetchall()})
    return found


def write(postings: dict[Key, BitMap]) -> None:
    """Store these postings; an empty one is removed (no document holds its key any more)."""
    kept = sorted((field, term, bitmap) for (field, term), bitmap in postings.items() if bitmap)
    gone = defaultdict(list)
    for (field, term), bitmap in postings.items():
        if not bitmap:
            gone[field].append(term)
    with connection.cursor() as cursor:
        for chunk in _chunks(kept):
            cursor.execute(
                f"INSERT INTO {TABLE} (field, term, ids) VALUES {', '.join(['(%s, %s, %s)'] * len(chunk))} "
                f"ON CONFLICT (field, term) DO UPDATE SET ids = excluded.ids",
                [value for field, term, bitmap in chunk for value in (field, term, _stored(bitmap))],
            )
        for field, terms in gone.items():
            for chunk in _chunks(sorted(terms)):
                cursor.execute(
                    f"DELETE FROM {TABLE} WHERE field = %s AND term IN ({_marks(chunk)})", [field, *chunk]
                )


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")


def key_sets(keys: list[str], field: str) -> dict[str, BitMap]:
    """The documents of each match key (search.matching) in one text field, in one statement;
    a key ending in "*" is a prefix: the union of the postings of every term it begins."""
    exact = [key for key in keys if not key.endswith("*")]
    prefixes = [key for key in keys if key.endswith("*")]
    selects, args = [], []
    if exact:
        selects.append(f"SELECT term, ids FROM {TABLE} WHERE field = %s AND term IN ({_marks(exact)})")
        args += [field, *exact]
    for key in prefixes:
        selects.append(f"SELECT %s, ids FROM {TABLE} WHERE field = %s AND term >= %s AND term < %s")
        args += [key, field, key[:-1], key[:-1] + PREFIX_END]
    found = {key: BitMap() for key in keys}
    if not selects:
        return found
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), args)
        for key, raw in cursor.fetchall():
            found[key] |= _bitmap(raw)
    return found


def _bitmap(raw) -> BitMap:
    return BitMap.deserialize(bytes(raw))


def _stored(bitmap: BitMap) -> bytes:
    bitmap.run_optimize()
    return bitmap.serialize()


def _marks(items) -> str:
    return ", ".join(["%s"] * len(items))


def _chunks(items: list, size: int = BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]
