"""Query understanding: words and phrases that unambiguously name a facet value become filters.

"gratis webinar secundair onderwijs" is three filters (cost, form, school level) and no text. The
mapping is data: the taxonomy labels of some facets, `data/understanding.yaml`, and the editors'
synonyms of those phrases. Matching compares match keys (`dutch.match_key`), longest phrase first,
so "webinars" and "Webinar" are the same phrase.

Interpretation is evidence, not a verdict. A query word is never taken as (part of) a filter phrase
when it is a function word ("voor", "met", "de"), or shorter than four letters unless it is a code
such as "A2"; and a match on the shared key alone (not on a form the phrase is written in) counts
only when the key is at least four letters: "voor" and "gevorderden" share the key "vor", and
"voor" is not a level. Each understood filter carries a certainty (a phrase written as in the data
above a form of it, an editor's phrase above a taxonomy label above a synonym, longer phrases
above shorter ones), so the search can relax the least certain first when the filters together
leave too little (search.service).
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .dutch import match_key
from .facets import FACETS_BY_NAME, vocabulary
from .text import STOPWORDS, words

MAX_PHRASE_WORDS = 4
MIN_WORD = 4  # shorter query words name no filter, unless they are codes ("A2")
MIN_KEY = 4  # a shorter key matches only a form the phrase is written in
_CODE_PREFIX = re.compile(r"^\d+(\.\d+)*\.?\s+")
_CODE = re.compile(r"^[a-z]\d$")  # a proficiency level code, "a2"
# Certainty of where a phrase comes from (added to: written as in the data, and the phrase length).
FROM_PHRASES, FROM_LABEL, FROM_SYNONYM = 3, 2, 1


@dataclass(frozen=True)
class Understood:
    facet: str
    value: str
    phrase: str  # the words of the query it came from, as typed (folded)
    certainty: int = 0  # higher: more sure; the least sure is relaxed first


@lru_cache(maxsize=1)
def _data() -> dict:
    path = Path(__file__).with_name("data") / "understanding.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(match_key(word) for word in words(phrase))


def phrase_map(synonyms: dict[str, tuple[str, ...]] | None = None) -> dict[tuple[str, ...], dict]:
    """{phrase keys: {facet: (values, ...)}}, only values the facets know."""
    return {key: entry.filters for key, entry in _entries(synonyms).items()}


@dataclass
class _Entry:
    filters: dict
    source: int
    forms: set  # the phrases (folded words joined by spaces) as written in the data


def _entries(synonyms) -> dict[tuple[str, ...], _Entry]:
    data = _data()
    known = vocabulary()
    mapping: dict[tuple[str, ...], _Entry] = {}
    ignored = {_key(label) for label in data.get("ignore_labels", ())}

    def add(phrase: str, facet: str, values: tuple, source: int, replace_values: bool = False) -> None:
        key = _key(phrase)
        if not key or not values:
            return
        entry = mapping.setdefault(key, _Entry({}, source, set()))
        entry.filters[facet] = values if replace_values else (*entry.filters.get(facet, ()), *values)
        entry.source = max(entry.source, source)
        entry.forms.add(" ".join(words(phrase)))

    for facet in data.get("label_facets", ()):
        for value, label in known.get(facet, {}).items():
            if facet == "digcompedu" and "." in value:
                continue  # competences are too specific to be typed as a filter
            phrase = _CODE_PREFIX.sub("", label)
            if _key(phrase) not in ignored:
                add(phrase, facet, (value,), FROM_LABEL)
    for phrase, filters in (data.get("phrases") or {}).items():
        for facet, values in filters.items():
            valid = tuple(v for v in values if v in known.get(facet, {}))
            add(phrase, facet, valid, FROM_PHRASES, replace_values=True)
    for phrase, others in (synonyms or {}).items():
        found = mapping.get(_key(phrase))
        if found:
            for other in others:
                if _key(other) and _key(other) not in mapping:
                    mapping[_key(other)] = _Entry(found.filters, FROM_SYNONYM, {" ".join(words(other))})
    return mapping


def _may_name_a_filter(word: str) -> bool:
    return word not in STOPWORDS and (len(word) >= MIN_WORD or bool(_CODE.match(word)))


def _matches(entry: _Entry, typed: list[str], keys: tuple[str, ...]) -> int | None:
    """The certainty with which the typed words name the entry's filters, or None."""
    if not all(_may_name_a_filter(word) for word in typed):
        return None
    exact = " ".join(typed) in entry.forms
    if not exact and any(len(key) < MIN_KEY and not _CODE.match(key) for key in keys):
        return None
    return entry.source + len(typed) + (1 if exact else 0)


def understand(query: str, synonyms=None) -> tuple[str, list[Understood]]:
    """(the query without the phrases that became filters, what was understood)."""
    found = words(query)
    if not found:
        return query, []
    mapping = _entries(synonyms)
    keys = [match_key(word) for word in found]
    kept, understood, index, last_kept = [], [], 0, False
    while index < len(found):
        for length in range(min(MAX_PHRASE_WORDS, len(found) - index), 0, -1):
            phrase_keys = tuple(keys[index : index + length])
            entry = mapping.get(phrase_keys)
            certainty = entry and _matches(entry, found[index : index + length], phrase_keys)
            if certainty:
                phrase = " ".join(found[index : index + length])
                understood += [
                    Understood(facet, value, phrase, certainty)
                    for facet, values in entry.filters.items()
                    for value in values
                ]
                index += length
                break
        else:
            kept.append(found[index])
            last_kept = index == len(found) - 1
            index += 1
    if not understood:
        return query, []
    rest = " ".join(kept)
    if rest and not (last_kept and query[-1:].isalnum()):
        rest += " "  # the last word is complete: no prefix matching for it
    return rest, understood


def facet_label(facet: str) -> str:
    return FACETS_BY_NAME[facet].label
