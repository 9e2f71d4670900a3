"""Spelling correction over the whole index vocabulary (every indexed word and its document
frequency): an unknown query word becomes the closest indexed word within edit distance 2 (a swap
of two neighbouring letters counts as one edit), the most frequent among equally close ones. Words of three letters or less and codes (words with a digit,
"2.1", "b2") are never corrected; a word the index knows in another form is not a typo.
"""

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .text import STOPWORDS, words
from .vocabulary import Vocabulary

MAX_DISTANCE = 2
MIN_LENGTH = 4


def correct_word(word: str, vocabulary: Vocabulary, is_prefix: bool = False) -> str | None:
    """The correction of one folded word, or None when it needs none (or has none)."""
    if len(word) < MIN_LENGTH or word in STOPWORDS or any(ch.isdigit() for ch in word):
        return None
    if vocabulary.knows(word) or (is_prefix and vocabulary.starts(word)):
        return None
    choices = [
        candidate
        for length in range(len(word) - MAX_DISTANCE, len(word) + MAX_DISTANCE + 1)
        for candidate in vocabulary.by_length.get(length, ())
        if length >= MIN_LENGTH
    ]
    close = process.extract(word, choices, scorer=OSA.distance, score_cutoff=MAX_DISTANCE, limit=None)
    if not close:
        return None
    best = min(close, key=lambda match: (match[1], -vocabulary[match[0]], match[0]))
    return best[0]


def correct_query(query: str, vocabulary: Vocabulary) -> str:
    """The query with its unknown words corrected, or "" when nothing changed."""
    found = words(query)
    unfinished = bool(found) and query[-1:].isalnum()
    changed, corrected = False, []
    for position, word in enumerate(found):
        better = correct_word(word, vocabulary, is_prefix=unfinished and position == len(found) - 1)
        corrected.append(better or word)
        changed = changed or bool(better)
    return " ".join(corrected) if changed else ""
