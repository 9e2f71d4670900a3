"""Autocomplete: fiches whose title has a word starting with what was typed, and popular indexed
words that start with it (most documents first), typo-tolerant from four letters ("progr" and
"porgr" both suggest "programmeren"). At most eight in all, each with its kind."""

from rapidfuzz import process
from rapidfuzz.distance import OSA

from portal.fiche import kind_labels

from .models import SearchDocument
from .text import STOPWORDS
from .vocabulary import indexed_vocabulary

LIMIT = 8
TERM_SHARE = 4  # popular words get at least this many of the places when they exist
TYPO_FROM = 4


def suggest(typed: str) -> tuple[list[dict], list[dict]]:
    """(fiches, search words) for a folded, cleaned prefix of at least two letters."""
    terms = _terms(typed, TERM_SHARE)
    fiches = _titles(typed, LIMIT - len(terms))
    if len(fiches) + len(terms) < LIMIT:
        terms = _terms(typed, LIMIT - len(fiches))
    return fiches, terms


def _titles(typed: str, limit: int) -> list[dict]:
    if limit <= 0:
        return []
    found = list(
        SearchDocument.objects.filter(title_sort__startswith=typed)
        .order_by("title_sort")
        .values("title", "url_path", "kind")[:limit]
    )
    if len(found) < limit:
        found += list(
            SearchDocument.objects.filter(title_sort__contains=f" {typed}")
            .exclude(title_sort__startswith=typed)
            .order_by("title_sort")
            .values("title", "url_path", "kind")[: limit - len(found)]
        )
    labels = kind_labels()
    return [
        {"title": f["title"], "url": f["url_path"], "type": f["kind"], "kind": labels.get(f["kind"], "")}
        for f in found
    ]


def _terms(typed: str, limit: int) -> list[dict]:
    vocabulary = indexed_vocabulary()
    words = [w for w in vocabulary.completions(typed) if w != typed and w not in STOPWORDS]
    if len(typed) >= TYPO_FROM and len(words) < limit:
        words += [w for w in _close_completions(typed, vocabulary) if w not in words]
    words.sort(key=lambda w: (not w.startswith(typed), -vocabulary[w], w))
    return [
        {"title": word, "url": f"/zoeken/?q={word}", "type": "zoekterm", "kind": "Zoekterm"}
        for word in words[:limit]
    ]


def _close_completions(typed: str, vocabulary) -> list[str]:
    """Words whose start is within one edit (two from seven letters) of what was typed."""
    distance = 1 if len(typed) < 7 else 2
    starts: dict[str, list[str]] = {}
    for word in vocabulary.longer_than(len(typed) - 1):
        starts.setdefault(word[: len(typed)], []).append(word)
    close = process.extract(typed, list(starts), scorer=OSA.distance, score_cutoff=distance, limit=20)
    return [word for start, _, _ in close for word in starts[start]]
