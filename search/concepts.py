"""The concept layer: a need in a teacher's words -> the part of the taxonomy it is about.

"software voor leerlingen met dyslexie" is about DigCompEdu 5.1 (toegankelijkheid en inclusie);
"feedback geven met een tablet" about 4.3 (feedback en planning). The mapping is data, never a
list of queries: the editors' concepts (Concept snippets: a preferred label, alternative labels and
a link to a competence, a pillar and/or tags), the labels and descriptions of the 22 competences and
the labels and descriptions of the pillars.

A query names a concept when every word of one of its labels is among the query's words (by match
key, so "differentiëren" and "gedifferentieerd" do not need to be listed twice; function words do
not count), or when at least two rare words of a competence's or pillar's description are, typed
as two words ("ict-coördinator" is one) (words that occur in many descriptions, like "leerlingen" or "digitale", do not count). The most
specific match wins: more label words above fewer, an editor's concept above a taxonomy label above
a description. The search then ranks the fiches tagged with it first (search.service) and says so
with a removable chip "Gezocht binnen: …".
"""

from dataclasses import dataclass

from django.core.cache import cache

from portal.taxonomy import DigCompEduCompetence, Pillar

from .dutch import match_key
from .facets import vocabulary
from .models import Concept
from .text import STOPWORDS, words

_CACHE_KEY = "search:concepts:v1"
_WORDS_CACHE_KEY = "search:concept-words:v1"
_CACHE_SECONDS = 600  # taxonomy descriptions change rarely; a concept's save forgets it at once
# Certainty of where a match comes from (added to 100 per label word).
FROM_CONCEPT, FROM_LABEL = 3, 2
DESCRIPTION_WORD = 40  # per rare description word; below any label match
MIN_DESCRIPTION_WORDS = 2
RARE = 2  # a description word counts when at most this many descriptions hold it


@dataclass(frozen=True)
class ConceptMatch:
    label: str  # what the chip shows: "Gezocht binnen: <label>"
    values: tuple[tuple[str, str], ...]  # (facet, value) the fiches tagged with it carry
    tag_keys: tuple[tuple[str, ...], ...]  # per tag, the match keys of its words
    phrase: str  # the query words that named it
    strength: int
    terms: tuple[tuple[str, ...], ...] = ()  # its labels as match keys: its fiches may match these instead


@dataclass(frozen=True)
class _Entry:
    label: str
    values: tuple[tuple[str, str], ...]
    tag_keys: tuple[tuple[str, ...], ...]
    labels: tuple[tuple[tuple[str, str], ...], ...]  # each label as its content (key, first letters)
    description: frozenset  # the content keys of a description
    source: int

    def terms(self) -> tuple[tuple[str, ...], ...]:
        return tuple(dict.fromkeys(tuple(key for key, _ in label) for label in self.labels)) + self.tag_keys


PREFIX = 4  # a label word and a query word with the same key also start alike ("beleid" is no "begeleiden")


def _keys(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(match_key(word) for word in words(text) if word not in STOPWORDS))


def _label(text: str) -> tuple[tuple[str, str], ...]:
    """A label's content words as (match key, first letters)."""
    return tuple(
        dict.fromkeys((match_key(word), word[:PREFIX]) for word in words(text) if word not in STOPWORDS)
    )


def _entries() -> list[_Entry]:
    found = cache.get(_CACHE_KEY)
    if found is None:
        found = _build()
        cache.set(_CACHE_KEY, found, _CACHE_SECONDS)
    return found


def _build() -> list[_Entry]:
    known = vocabulary()
    entries = []
    for concept in Concept.objects.select_related("competence", "pillar"):
        values = []
        if concept.competence and concept.competence.code in known.get("digcompedu", {}):
            values.append(("digcompedu", concept.competence.code))
        if concept.pillar and concept.pillar.code in known.get("pijler", {}):
            values.append(("pijler", concept.pillar.code))
        tags = tuple(keys for keys in (_keys(tag) for tag in concept.tag_names()) if keys)
        if values or tags:
            labels = tuple(found for found in (_label(label) for label in concept.labels()) if found)
            entries.append(
                _Entry(concept.preferred_label, tuple(values), tags, labels, frozenset(), FROM_CONCEPT)
            )
    for model, facet in ((DigCompEduCompetence, "digcompedu"), (Pillar, "pijler")):
        for term in model.objects.all():
            if term.code in known.get(facet, {}):
                entries.append(
                    _Entry(
                        term.label,
                        ((facet, term.code),),
                        (),
                        (_label(term.label),),
                        frozenset(_keys(term.description)),
                        FROM_LABEL,
                    )
                )
    return entries


def label_words() -> frozenset[str]:
    """The (folded) words of every concept's labels: real words for spelling correction even when no
    fiche uses them yet ("robotcia" -> "robotica", which names STEM)."""
    found = cache.get(_WORDS_CACHE_KEY)
    if found is None:
        labels = [label for concept in Concept.objects.all() for label in concept.labels()]
        labels += [term.label for model in (DigCompEduCompetence, Pillar) for term in model.objects.all()]
        found = frozenset(
            word for label in labels for word in words(label) if len(word) >= 4 and word not in STOPWORDS
        )
        cache.set(_WORDS_CACHE_KEY, found, _CACHE_SECONDS)
    return found


def forget_concepts(**kwargs) -> None:
    cache.delete_many([_CACHE_KEY, _WORDS_CACHE_KEY])


def match_concept(query: str) -> ConceptMatch | None:
    """The concept the query is most specifically about, or None."""
    typed = [word for word in words(query) if word not in STOPWORDS]
    keys = {match_key(word): word for word in typed}
    # which word as typed each key comes from: "ict-coördinator" is one word, not two rare ones
    typed_word = {
        match_key(word): number for number, token in enumerate(query.split()) for word in words(token)
    }
    starts = {(match_key(word), word[:PREFIX]) for word in typed}
    if not keys:
        return None
    entries = _entries()
    frequency: dict[str, int] = {}
    for entry in entries:
        for key in entry.description:
            frequency[key] = frequency.get(key, 0) + 1
    best: tuple[int, _Entry, tuple[str, ...]] | None = None
    for entry in entries:
        strength, named = 0, ()
        for label in entry.labels:
            if label and all(word in starts for word in label):
                score = 100 * len(label) + entry.source
                if score > strength:
                    strength, named = score, tuple(key for key, _ in label)
        if not strength and entry.description:
            rare = tuple(key for key in keys if key in entry.description and frequency.get(key, 0) <= RARE)
            if len({typed_word.get(key) for key in rare}) >= MIN_DESCRIPTION_WORDS:
                strength, named = DESCRIPTION_WORD * len(rare), rare
        if strength and (best is None or strength > best[0]):
            best = (strength, entry, named)
    if best is None:
        return None
    strength, entry, named = best
    return ConceptMatch(
        entry.label,
        entry.values,
        entry.tag_keys,
        " ".join(keys[key] for key in named),
        strength,
        entry.terms(),
    )
