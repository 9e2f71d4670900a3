"""Facet counts from compressed bitmaps: a cost that does not grow with the number of matches.

For every facet value the set of ids of the documents carrying it is kept as a roaring bitmap
(`pyroaring`), read from its posting (search.postings) in one query per index version (see
search.cache: the token changes with every index update, in the same transaction) and kept in the
process. One search then needs no counting SQL at all:

- the match set is the bitmap of every document (no text) or the one search.term_sets makes of
  per-term bitmaps;
- each active filter is the union of its values' bitmaps; a value of an active facet is counted over
  the matches passing every *other* filter, any other value over those passing all of them;
- a count is `value_bitmap.intersection_cardinality(passing)`: a few hundred intersections in C,
  whatever the number of matches. The total is the size of the set passing all filters.

A rebuild reads one posting per facet value (a few hundred rows, whatever the number of fiches); it
runs once after a publish: the first process to need them stores them serialized in the shared cache
(Redis in production) and the other workers deserialize them instead of reading the table again.
"""

import threading
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from pyroaring import BitMap

from portal.fiche import offer_kinds

from . import postings
from .cache import TTL_SECONDS, index_version
from .models import IndexState


@dataclass(frozen=True)
class FacetBitmaps:
    token: str
    generation: str | None
    documents: BitMap  # every indexed document
    values: dict[str, dict[str, BitMap]]  # facet -> value -> documents carrying it

    @property
    def version(self) -> tuple[str, str | None]:
        """What other per-version sets (search.term_sets) are kept under."""
        return self.token, self.generation

    def offers(self) -> BitMap:
        """The documents that "offers first" ranks first: the kinds that are offers (FichePage.is_offer)."""
        kinds = self.values.get("type", {})
        return BitMap.union(BitMap(), *(kinds[kind] for kind in offer_kinds() if kind in kinds))

    def counts(
        self, matches: BitMap | None, filters: dict[str, tuple[str, ...]], count: bool = True
    ) -> tuple[dict[str, dict[str, int]], BitMap]:
        """({facet: {value: count}}, the documents passing) for the matches (None: every document)
        under the filters; count=False skips the counting and gives only the documents."""
        base = self.documents if matches is None else matches & self.documents
        active = {}
        for facet, selected in filters.items():
            if selected:
                known = self.values.get(facet, {})
                active[facet] = BitMap.union(BitMap(), *(known[v] for v in selected if v in known))
        passing_all = _intersect(base, active.values())
        if not count:
            return {}, passing_all
        counts: dict[str, dict[str, int]] = {}
        for facet, values in self.values.items():
            passing = (
                _intersect(base, [b for f, b in active.items() if f != facet])
                if facet in active
                else passing_all
            )
            counts[facet] = {
                value: n
                for value, bitmap in values.items()
                if (n := bitmap.intersection_cardinality(passing))
            }
        return counts, passing_all


def _intersect(base: BitMap, bitmaps) -> BitMap:
    result = base
    for bitmap in sorted(bitmaps, key=len):
        result = result & bitmap
    return result


_lock = threading.Lock()
_current: FacetBitmaps | None = None


def facet_bitmaps() -> FacetBitmaps:
    """The bitmaps of the current index version, built on first use after an index change.

    The process keeps one set. A generation mark in the shared cache, per index version, says which
    builds are valid: a cleared cache (or a test's rolled-back database, whose token returns to an
    earlier value) makes the next search rebuild instead of trusting bitmaps of other data."""
    global _current
    token = index_version()
    mark_key = f"search:bitmaps:{token}"
    generation = cache.get(mark_key)
    current = _current
    if current is not None and current.token == token and current.generation == generation:
        return current
    with _lock:
        if generation is None:
            cache.add(mark_key, uuid.uuid4().hex, TTL_SECONDS * 6)
            generation = cache.get(mark_key)
        built = _shared(token, generation)
        if built is None:
            built = build(generation)
            if built.token != token:
                # An index change committed meanwhile: use these once; the next search rebuilds.
                return built
            _share(built)
        _current = built
        return built


def _shared_key(token: str, generation: str | None) -> str:
    return f"search:bitmaps-data:{token}:{generation}"


def _shared(token: str, generation: str | None) -> FacetBitmaps | None:
    """The bitmaps another process built for this index version, from the shared cache."""
    data = cache.get(_shared_key(token, generation))
    if data is None:
        return None
    documents, values = data
    return FacetBitmaps(
        token,
        generation,
        BitMap.deserialize(documents),
        {
            facet: {value: BitMap.deserialize(raw) for value, raw in bitmaps.items()}
            for facet, bitmaps in values.items()
        },
    )


def _share(built: FacetBitmaps) -> None:
    """Serialized (a few MB at 100,000 fiches), so one worker builds and the others only read."""
    values = {
        facet: {value: b.serialize() for value, b in bitmaps.items()}
        for facet, bitmaps in built.values.items()
    }
    cache.set(
        _shared_key(built.token, built.generation), (built.documents.serialize(), values), TTL_SECONDS * 6
    )


def build(generation: str | None = None) -> FacetBitmaps:
    """Every document and every facet value's documents, from their postings (search.postings), with
    the index token they are of: one statement, so one snapshot of the index (an update committing
    meanwhile is wholly in or out)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 'token', token, NULL FROM search_indexstate WHERE id = %s "
            f"UNION ALL SELECT field, term, ids FROM {postings.TABLE} WHERE field IN (%s, %s)",
            [IndexState.SINGLETON, postings.FACET, postings.DOCUMENTS[0]],
        )
        rows = cursor.fetchall()
    token, documents, values = None, BitMap(), {}
    for field, term, raw in rows:
        if field == "token":
            token = term
        elif field == postings.FACET:
            facet, _, value = term.partition(":")
            values.setdefault(facet, {})[value] = BitMap.deserialize(bytes(raw))
        else:
            documents = BitMap.deserialize(bytes(raw))
    return FacetBitmaps(token, generation, documents, values)
