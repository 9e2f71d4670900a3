"""The editors' synonyms as a lookup: folded phrase -> the phrases it may also be searched as.

Loop-safe by construction: a phrase maps to the members of every group it is in, one step, never
followed further, so "a, b" and "b, a" (or a ring a-b-c-a) cannot recurse. Cached until a synonym
is saved or deleted.
"""

from django.core.cache import cache

from .models import Synonym
from .text import words

_CACHE_KEY = "search:synonyms:v1"
MAX_ALTERNATIVES = 8  # per phrase: a huge group must not blow a query up


def synonym_map() -> dict[str, tuple[str, ...]]:
    found = cache.get(_CACHE_KEY)
    if found is None:
        groups: dict[str, dict[str, None]] = {}
        for synonym in Synonym.objects.all():
            phrases = list(dict.fromkeys(" ".join(words(p)) for p in synonym.phrases() if words(p)))
            for phrase in phrases:
                groups.setdefault(phrase, {}).update(dict.fromkeys(p for p in phrases if p != phrase))
        found = {phrase: tuple(others)[:MAX_ALTERNATIVES] for phrase, others in groups.items() if others}
        cache.set(_CACHE_KEY, found, None)
    return found


def forget_synonyms(**kwargs) -> None:
    cache.delete(_CACHE_KEY)
