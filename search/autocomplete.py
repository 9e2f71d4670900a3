"""Autocomplete: fiches whose title has a word starting with what was typed, taxonomy values whose
label has such a word, and popular search words (most documents first), typo-tolerant from four
letters ("progr" and "porgr" both suggest "programmeren"). At most eight in all, each with its kind.

Search words are shown as they are written in the titles and summaries ("toetsstrategieën",
"programma's"), never as index forms ("toetsstrategieen", "programmas"); a word that only occurs in
longer texts is offered only when it is itself a Dutch lemma or loanword (search.lexicon). With several words typed, the last one is completed and the others
kept ("cursus prog" -> "cursus programmeren").
"""

import re
from collections import Counter
from urllib.parse import urlencode

from rapidfuzz import process
from rapidfuzz.distance import OSA

from portal.fiche import kind_labels

from .cache import cached
from .dutch import fold
from .facets import FACETS_BY_NAME, vocabulary
from .lexicon import dutch_lemmas, loanwords
from .models import SearchDocument
from .text import STOPWORDS
from .vocabulary import indexed_vocabulary

LIMIT = 8
TERM_SHARE = 4  # popular words get at least this many of the places when they exist
VALUE_SHARE = 2  # taxonomy values get at most this many
TYPO_FROM = 4
VALUE_FACETS = ("digcompedu", "pijler", "vorm", "doelgroep", "onderwijsniveau")
_SURFACE_WORD = re.compile(r"[^\W\d_]+(?:['’][a-z]+)?", re.UNICODE)


def suggest(typed: str) -> tuple[list[dict], list[dict]]:
    """(fiches, search words and taxonomy values) for a folded, cleaned query of two letters or more."""
    head, last = _split(typed)
    values = _values(last, VALUE_SHARE) if len(last) >= 3 else []
    terms = _terms(head, last, TERM_SHARE) if len(last) >= 2 else []
    fiches = _titles(typed, LIMIT - len(terms) - len(values))
    if len(fiches) + len(terms) + len(values) < LIMIT and len(last) >= 2:
        terms = _terms(head, last, LIMIT - len(fiches) - len(values))
    return fiches, values + terms


def _split(typed: str) -> tuple[str, str]:
    """("cursus ", "prog") for "cursus prog": the words kept, and the word being typed."""
    if typed[-1:].isalnum():
        at = max(typed.rfind(" "), -1) + 1
        return typed[:at], typed[at:]
    return typed, ""


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


def _values(last: str, limit: int) -> list[dict]:
    """Taxonomy values with a label word starting with `last`: a DigCompEdu area, a pillar, a form."""
    found = []
    known = vocabulary()
    for facet in VALUE_FACETS:
        for value, label in known.get(facet, {}).items():
            if any(word.startswith(last) for word in fold(label).split()):
                found.append(
                    {
                        "title": label,
                        "url": "/zoeken/?" + urlencode({facet: value}),
                        "type": "taxonomie",
                        "kind": FACETS_BY_NAME[facet].label,
                    }
                )
    return found[:limit]


def surface_forms() -> dict[str, str]:
    """folded word -> the way titles and summaries write it most often ("toetsstrategieën")."""

    def collect() -> dict[str, str]:
        counts: dict[str, Counter] = {}
        rows = SearchDocument.objects.values_list("title", "summary")
        for title, summary in rows.iterator(chunk_size=2000):
            for written in _SURFACE_WORD.findall(f"{title} {summary}"):
                lower = written.lower() if not written.isupper() else written
                counts.setdefault(fold(written).replace("'", "").replace("’", ""), Counter())[lower] += 1
        return {word: forms.most_common(1)[0][0] for word, forms in counts.items()}

    return cached("surface-forms", (), collect)


def _terms(head: str, last: str, limit: int) -> list[dict]:
    if limit <= 0:
        return []
    vocabulary = indexed_vocabulary()
    written = dict(surface_forms())
    lemmas, loans = dutch_lemmas(), loanwords()

    def shown_as(word: str) -> str | None:
        if word in written:
            return written[word]
        return word if word in lemmas or word in loans else None

    words = [w for w in vocabulary.completions(last) if w != last and w not in STOPWORDS and shown_as(w)]
    if len(last) >= TYPO_FROM and len(words) < limit:
        words += [w for w in _close_completions(last, vocabulary) if w not in words and shown_as(w)]
    words.sort(key=lambda w: (not w.startswith(last), -vocabulary[w], w))
    shown = []
    for word in words[:limit]:
        query = f"{head}{shown_as(word)}"
        shown.append(
            {
                "title": query,
                "url": "/zoeken/?" + urlencode({"q": query}),
                "type": "zoekterm",
                "kind": "Zoekterm",
            }
        )
    return shown


def _close_completions(typed: str, vocabulary) -> list[str]:
    """Words whose start is within one edit (two from seven letters) of what was typed."""
    distance = 1 if len(typed) < 7 else 2
    starts: dict[str, list[str]] = {}
    for word in vocabulary.longer_than(len(typed) - 1):
        starts.setdefault(word[: len(typed)], []).append(word)
    close = process.extract(typed, list(starts), scorer=OSA.distance, score_cutoff=distance, limit=20)
    return [word for start, _, _ in close for word in starts[start]]
