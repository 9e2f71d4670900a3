"""Query understanding: words and phrases that name a facet value become filters.

"gratis webinar secundair onderwijs" is three filters (cost, form, school level) and no text. The
mapping is data: the taxonomy labels of some facets, `data/understanding.yaml`, and the editors'
synonyms of those phrases. Matching compares match keys (`dutch.match_key`), longest phrase first,
so "webinars" and "Webinar" are the same phrase.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .dutch import match_key
from .facets import FACETS_BY_NAME, vocabulary
from .text import words

MAX_PHRASE_WORDS = 4
_CODE_PREFIX = re.compile(r"^\d+(\.\d+)*\.?\s+")


@dataclass(frozen=True)
class Understood:
    facet: str
    value: str
    phrase: str  # the words of the query it came from, as typed (folded)


@lru_cache(maxsize=1)
def _data() -> dict:
    path = Path(__file__).with_name("data") / "understanding.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(match_key(word) for word in words(phrase))


def phrase_map(synonyms: dict[str, tuple[str, ...]] | None = None) -> dict[tuple[str, ...], dict]:
    """{phrase keys: {facet: (values, ...)}}, only values the facets know."""
    data = _data()
    known = vocabulary()
    mapping: dict[tuple[str, ...], dict] = {}
    ignored = {_key(label) for label in data.get("ignore_labels", ())}
    for facet in data.get("label_facets", ()):
        for value, label in known.get(facet, {}).items():
            if facet == "digcompedu" and "." in value:
                continue  # competences are too specific to be typed as a filter
            key = _key(_CODE_PREFIX.sub("", label))
            if key and key not in ignored:
                entry = mapping.setdefault(key, {})
                entry[facet] = (*entry.get(facet, ()), value)
    for phrase, filters in (data.get("phrases") or {}).items():
        key = _key(phrase)
        for facet, values in filters.items():
            valid = tuple(v for v in values if v in known.get(facet, {}))
            if key and valid:
                mapping.setdefault(key, {})[facet] = valid
    for phrase, others in (synonyms or {}).items():
        found = mapping.get(_key(phrase))
        if found:
            for other in others:
                if _key(other) and _key(other) not in mapping:
                    mapping[_key(other)] = found
    return mapping


def understand(query: str, synonyms=None) -> tuple[str, list[Understood]]:
    """(the query without the phrases that became filters, what was understood)."""
    found = words(query)
    if not found:
        return query, []
    mapping = phrase_map(synonyms)
    keys = [match_key(word) for word in found]
    kept, understood, index, last_kept = [], [], 0, False
    while index < len(found):
        for length in range(min(MAX_PHRASE_WORDS, len(found) - index), 0, -1):
            filters = mapping.get(tuple(keys[index : index + length]))
            if filters:
                phrase = " ".join(found[index : index + length])
                understood += [
                    Understood(facet, value, phrase) for facet, values in filters.items() for value in values
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
