"""Words that are real although the index may not hold them: an English loanword list (ours, in
`data/loanwords.yaml`, with the Dutch words each is also searched as) and, when installed, the Dutch
word list of Debian's `hunspell-nl` (`/usr/share/hunspell/nl.dic`, OpenTaal). Spelling correction
never replaces such a word (search.spelling); a Dutch word the index lacks only gets a "Bedoelde
je …?" suggestion.

The hunspell list holds lemmas with affix flags; inflected forms are recognised by undoing the
common Dutch endings ("lesmaterialen" -> "lesmateriaal", "programmeert" -> "programmeren").
"""

import os
from functools import lru_cache
from pathlib import Path

import yaml

from .dutch import fold
from .text import words

DUTCH_WORD_LIST = Path(os.environ.get("DUTCH_WORD_LIST", "/usr/share/hunspell/nl.dic"))
_VOWELS = "aeiou"


@lru_cache(maxsize=1)
def loanwords() -> dict[str, tuple[str, ...]]:
    """folded loanword -> the Dutch phrases it is also searched as."""
    path = Path(__file__).with_name("data") / "loanwords.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    found = {}
    for word, others in data.items():
        key = " ".join(words(str(word)))
        found[key] = tuple(" ".join(words(o)) for o in others or () if words(o))
        joined = "".join(words(str(word)))
        found.setdefault(joined, found[key])  # "e-safety" is typed "esafety" too
    return found


@lru_cache(maxsize=1)
def dutch_lemmas() -> frozenset[str]:
    """The folded lemmas of the Dutch word list, or nothing when it is not installed."""
    try:
        lines = DUTCH_WORD_LIST.read_text(encoding="utf-8", errors="ignore").splitlines()[1:]
    except OSError:
        return frozenset()
    return frozenset(fold(line.split("/", 1)[0]) for line in lines if line and line[0] != "#")


def is_real_word(word: str) -> bool:
    """A loanword, or a Dutch word (in one of its common forms)."""
    return word in loanwords() or is_dutch(word)


def is_dutch(word: str) -> bool:
    lemmas = dutch_lemmas()
    return bool(lemmas) and any(form in lemmas for form in _lemma_candidates(word))


def _lemma_candidates(word: str) -> list[str]:
    """The word and what its lemma may be: plurals, diminutives, verb forms, adjective -e."""
    found = [word]
    for ending, replacements in (
        ("etjes", ("",)),
        ("etje", ("",)),
        ("tjes", ("",)),
        ("pjes", ("",)),
        ("pje", ("",)),
        ("tje", ("",)),
        ("jes", ("",)),
        ("je", ("",)),
        ("en", ("", "")),
        ("s", ("",)),
        ("e", ("",)),
        ("t", ("", "en")),
        ("te", ("en",)),
        ("de", ("en",)),
        ("ten", ("en",)),
        ("den", ("en",)),
        ("n", ("",)),
    ):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            base = word[: -len(ending)]
            if ending == "n" and base[-1] not in _VOWELS:
                continue  # a plural -n follows a vowel ("ideeën"); "denkn" is a typo, not "denk" + n
            for extra in replacements:
                found += [base + extra, *_vowel_variants(base, extra)]
    return found


def _vowel_variants(base: str, extra: str) -> list[str]:
    """Open/closed syllable spellings: "materiel"+"" -> "materiaal"-like, "programmeer" -> "programmer"+"en"."""
    variants = []
    if len(base) >= 3 and base[-1] not in _VOWELS and base[-2] in _VOWELS:
        if base[-3] != base[-2]:
            variants.append(base[:-1] + base[-2] + base[-1] + extra)  # lesmaterial -> lesmateriaal
        else:
            variants.append(base[:-2] + base[-1] + extra)  # programmeer + en -> programmeren
    if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in _VOWELS:
        variants.append(base[:-1] + extra)  # "pennen" -> "pen"
    if base.endswith("v"):
        variants.append(base[:-1] + "f" + extra)
    if base.endswith("z"):
        variants.append(base[:-1] + "s" + extra)
    return variants
