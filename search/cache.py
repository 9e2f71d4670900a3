"""Caching what only changes when the index changes: browse results and the spelling vocabulary.

Every index update bumps a version number; cached entries carry the version they were made for, so
an edit is visible at once (with Redis shared by all processes; with the local-memory cache of a
single development process, likewise).
"""

import hashlib

from django.core.cache import cache

VERSION_KEY = "search:index-version"
TTL_SECONDS = 600


def index_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, None)
    return version


def bump_index_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted)
        cache.set(VERSION_KEY, 2, None)


def cached(name: str, parts, compute):
    """compute() once per index version and set of parts."""
    digest = hashlib.sha1(repr(parts).encode()).hexdigest()
    key = f"search:{name}:{index_version()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TTL_SECONDS)
    return value
