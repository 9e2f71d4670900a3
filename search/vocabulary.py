"""Every indexed word with its document frequency, for spelling correction and compound splitting.

Made of the index's own documents (title, summary, body, keywords), so a word that only occurs
in a description is known too; the counts are kept as documents are indexed (search.words). It
changes only with the index: kept per index version, in the shared cache and, to spare the
unpickling on every query, in the process.
"""

import bisect
from functools import cached_property

from . import words
from .cache import cached, index_version
from .dutch import match_key
from .models import SearchDocument
from .text import STOPWORDS, index_words


class Vocabulary(dict):
    """word -> number of documents it occurs in."""

    @cached_property
    def keys_known(self) -> frozenset[str]:
        return frozenset(match_key(word) for word in self)

    @cached_property
    def _sorted(self) -> list[str]:
        return sorted(self)

    @cached_property
    def by_length(self) -> dict[int, list[str]]:
        buckets: dict[int, list[str]] = {}
        for word in self:
            buckets.setdefault(len(word), []).append(word)
        return buckets

    def knows(self, word: str) -> bool:
        """The word, or another form of it, is indexed."""
        return word in self or match_key(word) in self.keys_known

    def completions(self, prefix: str, limit: int = 200) -> list[str]:
        """Indexed words starting with `prefix`, in alphabetical order."""
        words = self._sorted
        at = bisect.bisect_left(words, prefix)
        found = []
        while at < len(words) and words[at].startswith(prefix) and len(found) < limit:
            found.append(words[at])
            at += 1
        return found

    def longer_than(self, length: int) -> list[str]:
        return [word for size, words in self.by_length.items() if size > length for word in words]

    def starts(self, prefix: str) -> bool:
        """Some indexed word starts with `prefix`."""
        words = self._sorted
        at = bisect.bisect_left(words, prefix)
        return at < len(words) and words[at].startswith(prefix)


_memo: dict[str, Vocabulary] = {}


def indexed_vocabulary() -> Vocabulary:
    version = index_version()
    found = _memo.get(version)
    if found is None:
        found = Vocabulary(cached("vocabulary", (), _collect))
        _memo.clear()
        _memo[version] = found
    return found


def organisation_words() -> frozenset[str]:
    """The first word of every actor's and partner group's title ("codefever", "vicli", "mediawijs"):
    a query with one names an organisation. Only the first: "onderwijs" or "vlaanderen" name none."""

    def collect() -> frozenset[str]:
        titles = SearchDocument.objects.filter(kind__in=("actor", "partnergroep")).values_list(
            "title", flat=True
        )
        firsts = ([w for w in index_words(title) if w not in STOPWORDS][:1] for title in titles)
        return frozenset(first[0] for first in firsts if first and len(first[0]) >= 3)

    return cached("organisation-words", (), collect)


def _collect() -> dict[str, int]:
    return words.frequencies()  # kept at index time (search.words): one read, not a pass over the documents
