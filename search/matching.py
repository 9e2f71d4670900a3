"""A query's words -> the term plan both database engines render: AND over groups, each group an OR
of alternatives, each alternative an AND of match keys. A key ending in "*" matches as a prefix.

Literal (feeds, exports, internal callers): one alternative per word, the key. Interpreted (the
search page and the API): a word unknown to the index may also match as its compound parts
("codeerclub" -> codeer + club), two words may also match joined ("codeer club" -> codeerclub), and
editors' synonyms are alternatives ("coderen" -> programmeren).
"""

from dataclasses import dataclass

from .dutch import match_key, split_compound
from .text import query_words, words

Alternative = tuple[str, ...]
Group = tuple[Alternative, ...]


@dataclass(frozen=True)
class TermPlan:
    groups: tuple[Group, ...] = ()
    match_any: bool = False  # best effort: a document needs one group, not all
    offers_first: bool = False  # rank offers and good practices above organisations
    # A concept the query names (search.concepts): documents carrying one of these facet values, or
    # one of these tags (each as the match keys of its words), rank first; and with them the ones
    # that match only some of the words ("software voor leerlingen met dyslexie").
    boost: tuple[tuple[str, str], ...] = ()
    boost_terms: tuple[tuple[str, ...], ...] = ()
    concept_group: Group = ()  # the concept's own labels: its fiches may match these instead of the words
    concept: object = None  # search.concepts.ConceptMatch whose fiches these boosts lift (for the chip)
    words: tuple[tuple[str, ...], ...] = ()  # per group, the (folded) query words it stands for
    within: frozenset[int] | None = None  # only these documents may match (search.partial's near misses)

    def __bool__(self) -> bool:
        return bool(self.groups)

    def keys(self) -> set[str]:
        """Every key of the plan (prefixes without their star), for highlighting."""
        return {key.rstrip("*") for group in self.groups for alternative in group for key in alternative}


def build_plan(query: str, vocabulary=None, synonyms=None, match_any: bool = False) -> TermPlan:
    """The plan for `query`; vocabulary (indexed word -> document frequency) and synonyms
    (folded phrase -> other phrases) switch on the interpreted alternatives."""
    complete, last = query_words(query)
    synonyms = synonyms or {}
    groups: list[Group] = []
    labels: list[tuple[str, ...]] = []
    index = 0
    single_before = False  # the last complete word is a group of its own (not part of a pair)
    while index < len(complete):
        word = complete[index]
        following = complete[index + 1] if index + 1 < len(complete) else None
        pair = f"{word} {following}" if following else None
        if pair and (pair in synonyms or (vocabulary is not None and word + following in vocabulary)):
            alternatives = [(match_key(word), match_key(following))]
            if vocabulary is not None and word + following in vocabulary:
                alternatives.append((match_key(word + following),))
            alternatives += _synonym_alternatives(pair, synonyms)
            groups.append(_dedupe(alternatives))
            labels.append((word, following))
            index += 2
            single_before = False
            continue
        groups.append(_word_group(word, vocabulary, synonyms))
        labels.append((word,))
        index += 1
        single_before = True
    if last is not None:
        alternatives = [(match_key(last),), (f"{last}*",)]
        alternatives += _synonym_alternatives(last, synonyms)
        if vocabulary is not None and not _known(last, vocabulary):
            parts = split_compound(last, vocabulary)
            if parts:
                alternatives.append(tuple(match_key(part) for part in parts))
        last_group = _dedupe(alternatives)
        last_label: tuple[str, ...] = (last,)
        word = complete[-1] if complete else ""
        if single_before and vocabulary is not None and word + last in vocabulary:
            # the unfinished last word and the word before it also joined ("europees project" ->
            # europeesproject, "ict-beleid" -> ictbeleid): a fiche using the phrase matches the
            # rarer joined term too, which ranks it first. (Not the pair's synonyms: while the word
            # may be unfinished, a rarer synonym would outweigh the words typed.)
            before = groups.pop()
            pair = [(*first, *second) for first in before for second in last_group]
            last_group = _dedupe([*pair, (match_key(word + last),)])
            last_label = (*labels.pop(), last)
        groups.append(last_group)
        labels.append(last_label)
    return TermPlan(groups=tuple(groups), match_any=match_any and len(groups) > 1, words=tuple(labels))


def _word_group(word: str, vocabulary, synonyms) -> Group:
    alternatives = [(match_key(word),)]
    if vocabulary is not None and not _known(word, vocabulary):
        parts = split_compound(word, vocabulary)
        if parts:
            alternatives.append(tuple(match_key(part) for part in parts))
    alternatives += _synonym_alternatives(word, synonyms)
    return _dedupe(alternatives)


def _known(word: str, vocabulary) -> bool:
    """The word or another form of it is indexed ("lesmaterialen" where fiches say "lesmateriaal"):
    then it is not also split into parts, which would match far more loosely (les + materiaal)."""
    knows = getattr(vocabulary, "knows", None)
    return knows(word) if knows is not None else word in vocabulary


def _synonym_alternatives(phrase: str, synonyms) -> list[Alternative]:
    return [tuple(match_key(w) for w in words(other)) for other in synonyms.get(phrase, ()) if words(other)]


def _dedupe(alternatives) -> Group:
    return tuple(dict.fromkeys(alt for alt in alternatives if alt))
