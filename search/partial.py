"""Fiches that hold only some of the query's words, ranked among those that hold them all.

A fiche can be far more about the query and lack one ordinary word ("opleiding tot ict-coördinator":
the ICT coordinator's job profile never says "opleiding"), while a full match owes a word to a passing
mention. So partial matches are not only a fallback after the full ones: both are ranked on the same
score (the engine scores the words as alternatives, and a word a fiche lacks adds nothing), a partial
match's score weighed by its *coordination*, (groups it matches + 1) / (groups + 1), as classic
Lucene did. (Weighing the words by their inverse document frequency instead scored worse on
bench/relevance.py: 0.831 against 0.837 on the tuning sets, 0.808 against 0.808 on validation.)
Two cases (search.service):

- a first page the full matches do not fill goes on with the best fiches that have *some* of the
  words (`coordinated`);
- otherwise the *near misses*, the fiches that lack exactly one of the words, take their place on
  the first page when they score above some of its full matches (`merged`), pushing those on to
  the next page; only when there are few (NEAR_MISS_LIMIT; more means the words are common and the
  full matches plenty).

The total stays that of the full matches (facets count only them); each partial hit is marked and
says which words it lacks.
"""

from dataclasses import replace

from pyroaring import BitMap

from .matching import TermPlan
from .result import SearchHit
from .term_sets import Version, group_sets
from .text import typed_forms

NEAR_MISS_LIMIT = 500


def coordination(page_id: int, groups: list[BitMap]) -> float:
    matched = sum(page_id in group for group in groups)
    return (matched + 1) / (len(groups) + 1)


def coordinated(
    full: list[SearchHit], broad: list[SearchHit], plan: TermPlan, version: Version, size: int
) -> list[SearchHit]:
    """At most `size` hits: every one of `full` and the best of `broad` (the words as alternatives,
    best first), by score, a partial hit's score weighed by its coordination."""
    groups = group_sets(plan, version, "all")
    page = [hit for hit in full if hit.promoted]  # the editors' promotions stay first
    placed = {hit.id for hit in page}
    full_ids = {hit.id for hit in full} - placed
    scored = []
    for position, hit in enumerate(broad):
        if hit.id in placed:
            continue
        weight = 1.0 if hit.id in full_ids else coordination(hit.id, groups)
        scored.append((-hit.score * weight, position, hit))
    scored.sort(key=lambda item: item[:2])
    for _score, _position, hit in scored:
        if len(page) >= size:
            break
        partial = hit.id not in full_ids
        if partial and size - len(page) <= len(full_ids - placed):
            continue  # the room left is for the full matches
        page.append(replace(hit, partial=True) if partial else hit)
        placed.add(hit.id)
    page += [hit for hit in full if hit.id not in placed]  # full matches the broad page did not reach
    return page[:size]


def near_misses(plan: TermPlan, version: Version) -> BitMap:
    """The documents that match every group of the plan but one."""
    groups = group_sets(plan, version, "all")
    found = BitMap()
    if len(groups) < 2:
        return found
    for left_out, lacking in enumerate(groups):
        others = sorted((group for index, group in enumerate(groups) if index != left_out), key=len)
        holding = others[0]
        for group in others[1:]:
            holding = holding & group
        found |= holding - lacking
    return found


def merged(full: list[SearchHit], near: list[SearchHit], plan: TermPlan, version: Version) -> list[SearchHit]:
    """The full matches (best first) and the near misses as one list by score, a near miss's score
    weighed by its coordination; on equal scores the full match first."""
    groups = group_sets(plan, version, "all")
    promoted = [hit for hit in full if hit.promoted]  # the editors' promotions stay first
    placed = {hit.id for hit in promoted}
    ranked = [(-hit.score, 0, position, hit) for position, hit in enumerate(full) if hit.id not in placed]
    ranked += [
        (-hit.score * coordination(hit.id, groups), 1, position, replace(hit, partial=True))
        for position, hit in enumerate(near)
        if hit.id not in placed
    ]
    ranked.sort(key=lambda item: item[:3])
    return promoted + [hit for *_, hit in ranked]


def with_missing_words(
    hits: list[SearchHit], plan: TermPlan, version: Version, query: str
) -> list[SearchHit]:
    """The hits with the query words each lacks, as typed ("Ontbreekt: opleiding")."""
    if len(plan.groups) < 2 or len(plan.words) != len(plan.groups):
        return hits
    groups = group_sets(plan, version, "all")
    forms = typed_forms(query)
    named = [" ".join(dict.fromkeys(forms.get(word, word) for word in words)) for words in plan.words]
    return [
        replace(hit, missing=[name for name, group in zip(named, groups, strict=True) if hit.id not in group])
        for hit in hits
    ]
