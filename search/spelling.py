"""Spelling correction over the whole index vocabulary (every indexed word and its document
frequency): an unknown query word becomes the closest indexed word within edit distance 2 (a swap
of two neighbouring letters counts as one edit), the most frequent among equally close ones. Words of three letters or less and codes (words with a digit,
"2.1", "b2") are never corrected; a word the index knows in another form is not a typo.

A real word is never replaced: an English loanword ("coding", "tablet") or a Dutch word of the word
list (search.lexicon) stays as typed, even when the index lacks it; for a Dutch word the closest
indexed word is at most offered ("Bedoelde je …?", `suggest_query`). Every word of a multi-word
query is corrected, not only the first or a lone one.
"""

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .lexicon import is_dutch, loanwords
from .text import STOPWORDS, words
from .vocabulary import Vocabulary

MAX_DISTANCE = 2
MIN_LENGTH = 4


def correct_word(
    word: str,
    vocabulary: Vocabulary,
    is_prefix: bool = False,
    real_words: bool = False,
    known: frozenset[str] = frozenset(),
) -> str | None:
    """The correction of one folded word, or None when it needs none (or has none). A real word
    (loanword, Dutch word) is left alone, unless `real_words`: then its closest indexed word is
    returned too, for a suggestion only. `known`: words that are right although no fiche holds them
    (the concepts' labels, search.concepts.label_words); a typo may become one of them."""
    if len(word) < MIN_LENGTH or word in STOPWORDS or any(ch.isdigit() for ch in word):
        return None
    if (
        vocabulary.knows(word)
        or (is_prefix and vocabulary.starts(word))
        or word in loanwords()
        or word in known
    ):
        return None
    if not real_words and is_dutch(word):
        return None
    lengths = range(max(MIN_LENGTH, len(word) - MAX_DISTANCE), len(word) + MAX_DISTANCE + 1)
    choices = [candidate for length in lengths for candidate in vocabulary.by_length.get(length, ())]
    choices += [candidate for candidate in known if len(candidate) in lengths and candidate not in vocabulary]
    close = process.extract(word, choices, scorer=OSA.distance, score_cutoff=MAX_DISTANCE, limit=None)
    if not close:
        return None
    best = min(close, key=lambda match: (match[1], -vocabulary.get(match[0], 0), match[0]))
    return best[0]


def correct_query(
    query: str, vocabulary: Vocabulary, real_words: bool = False, known: frozenset[str] = frozenset()
) -> str:
    """The query with each of its unknown words corrected, or "" when nothing changed."""
    found = words(query)
    unfinished = bool(found) and query[-1:].isalnum()
    changed, corrected = False, []
    for position, word in enumerate(found):
        prefix = unfinished and position == len(found) - 1
        better = correct_word(word, vocabulary, is_prefix=prefix, real_words=real_words, known=known)
        corrected.append(better or word)
        changed = changed or bool(better)
    return " ".join(corrected) if changed else ""


def suggest_query(query: str, vocabulary: Vocabulary, known: frozenset[str] = frozenset()) -> str:
    """A spelling to offer, never to apply: real words the index lacks included."""
    return correct_query(query, vocabulary, real_words=True, known=known)
