"""Fiches that hold only some of the query's words, ranked among those that hold them all.

A first page that the full matches do not fill goes on with partial matches (search.service). They
are not simply put after the full ones: a fiche can be far more about the query and lack one ordinary
word ("opleiding tot ict-coördinator": the profile of the ICT coordinator never says "opleiding"),
and a full match can owe a word to a passing mention. So both are ranked on the same score (the
engine's score of the words taken as alternatives), a partial match's score multiplied by its
*coordination*, (groups it matches + 1) / (groups + 1), as classic Lucene did. Every full match stays
on the page (the total counts only them), and each partial one says which words it lacks.
"""

from dataclasses import replace

from .matching import TermPlan
from .result import SearchHit
from .term_sets import Version, group_sets
from .text import typed_forms


def coordinated(
    full: list[SearchHit], broad: list[SearchHit], plan: TermPlan, version: Version, size: int
) -> list[SearchHit]:
    """At most `size` hits: every one of `full` and the best of `broad` (the words as alternatives,
    best first), by score, a partial hit's score weighed by its coordination."""
    groups = group_sets(plan, version, "all")
    full_ids = {hit.id for hit in full}
    scored = []
    for position, hit in enumerate(broad):
        if hit.promoted:
            continue
        weight = 1.0 if hit.id in full_ids else _coordination(hit.id, groups)
        scored.append((-hit.score * weight, position, hit))
    scored.sort(key=lambda item: item[:2])
    page: list[SearchHit] = []
    placed: set[int] = set()
    for _score, _position, hit in scored:
        if len(page) >= size:
            break
        partial = hit.id not in full_ids
        if partial and size - len(page) <= len(full_ids - placed):
            continue  # the room left is for the full matches
        page.append(replace(hit, partial=True) if partial else hit)
        placed.add(hit.id)
    page += [hit for hit in full if hit.id not in placed]  # full matches the broad page did not reach
    return page[:size] if len(page) > size else page


def _coordination(page_id: int, groups) -> float:
    matched = sum(page_id in group for group in groups)
    return (matched + 1) / (len(groups) + 1)


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
