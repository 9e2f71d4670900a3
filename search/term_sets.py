"""Per-term document sets: a query's match set from bitmaps, without a full-text scan per search.

For each match key of a query (search.matching) the ids of the documents holding it are kept as a
roaring bitmap, per index version (the same token and generation as the facet bitmaps, so a publish
invalidates them with the facets). A key is looked up once: in the process, then in the shared cache
(Redis in production, so one worker's lookup serves all), and only then in the database, every
missing key of a search in one statement. Teachers' words follow a Zipf curve, so after the first
searches almost every key is known and a search's match set costs a few bitmap operations. The
database keeps each term's documents as a posting (search.postings), so even a first lookup is one
small indexed read per key, not a full-text query that reads every matching row.

Three fields: "all" (what matches), "title" and "lead" (title and summary), the last two only for
the cheap ranking of broad queries (search.ranking).
"""

import hashlib
import threading

from django.core.cache import cache
from pyroaring import BitMap

from .cache import TTL_SECONDS
from .matching import TermPlan
from .postings import key_sets

Version = tuple[str, str | None]  # (index token, generation) of search.bitmaps.FacetBitmaps
MAX_KEPT = 20_000  # sets kept in a process; beyond this the oldest version's are dropped

_lock = threading.Lock()
_kept: dict[Version, dict[tuple[str, str], BitMap]] = {}


def match_set(plan: TermPlan, version: Version) -> BitMap:
    """The documents matching the plan: every group (any group for best effort)."""
    groups = group_sets(plan, version, "all")
    return BitMap.union(*groups) if plan.match_any else _intersection(groups)


def group_sets(plan: TermPlan, version: Version, field: str) -> list[BitMap]:
    """Per group of the plan: the documents whose `field` matches one of its alternatives."""
    keys = [key for group in plan.groups for alternative in group for key in alternative]
    sets = term_sets(keys, version, field)
    return [
        BitMap.union(BitMap(), *(_intersection([sets[key] for key in alternative]) for alternative in group))
        for group in plan.groups
    ]


def term_sets(keys: list[str], version: Version, field: str) -> dict[str, BitMap]:
    kept = _kept_for(version)
    found = {key: kept[(field, key)] for key in keys if (field, key) in kept}
    missing = [key for key in dict.fromkeys(keys) if key not in found]
    if missing:
        names = {_cache_key(version, field, key): key for key in missing}
        for name, raw in cache.get_many(list(names)).items():
            found[names[name]] = BitMap.deserialize(raw)
        unknown = [key for key in missing if key not in found]
        if unknown:
            looked_up = key_sets(unknown, field)
            cache.set_many(
                {_cache_key(version, field, key): bitmap.serialize() for key, bitmap in looked_up.items()},
                TTL_SECONDS * 6,
            )
            found.update(looked_up)
        with _lock:
            kept.update({(field, key): found[key] for key in missing})
    return found


def _kept_for(version: Version) -> dict[tuple[str, str], BitMap]:
    with _lock:
        kept = _kept.get(version)
        if kept is None:
            # A new index version: the sets of older ones are of no more use.
            _kept.clear()
            kept = _kept[version] = {}
        elif len(kept) > MAX_KEPT:
            kept.clear()
        return kept


def _cache_key(version: Version, field: str, key: str) -> str:
    digest = hashlib.sha1(key.encode()).hexdigest()[:20]
    return f"search:term:{version[0]}:{version[1]}:{field}:{digest}"


def _intersection(bitmaps: list[BitMap]) -> BitMap:
    if not bitmaps:
        return BitMap()
    ordered = sorted(bitmaps, key=len)
    result = ordered[0]
    for bitmap in ordered[1:]:
        result = result & bitmap
    return result
