"""Cheap ranking for broad queries: the full score only for the best candidates.

A query matching a few hundred documents is ranked whole (ts_rank or bm25 over all of them, which is
exact). A broad one ("digitaal" matches a third of 100,000 fiches) would make the database score and
sort every match for one page of twenty. Instead the candidates are chosen on bitmaps, by a cheap
score in tiers, best first:

1. every query group in the title;
2. every group in the title or the summary (the lead);
3. some group in the lead;
4. the other matches: the full score of these is its floor (it only reads the lead), so their order
   is A-Z, which the database reads from the title index without scoring.

Tiers are taken whole while they fit in CANDIDATES; the first that does not is cut (lowest ids first)
when it is one of 1-3, or left to the A-Z rest when it is the 4th. With "offers first" (search.matching)
the offers' tiers come before the organisations'. The page order is then: the candidates by full
score, then the rest A-Z; so paging is consistent, and for all but very broad queries it is the exact
full ranking.
"""

import math

from pyroaring import BitMap

from .matching import TermPlan
from .term_sets import Version, group_sets, term_sets

CANDIDATES = 500

# How much a match weighs per field, in every backend: title > summary > body > taxonomy labels and
# tags ("keywords"). Elasticsearch boosts its fields so, SQLite gives them as bm25's column weights and
# PostgreSQL as ts_rank's weights of A-D (search.backends.fts).
FIELD_WEIGHTS = {"title": 3.0, "summary": 2.0, "body": 1.0, "keywords": 0.8}
# Score multipliers (tuned on bench/relevance.py): an offer against an organisation when offers go
# first, and a fiche tagged with the concept the query names (search.concepts).
OFFER_BOOST = 1.5
CONCEPT_BOOST = 3.0
# SQLite only (search.backends.database): bm25 divides a match by the whole fiche's length, so a long
# organisation fiche whose title and summary name the query lost to a short one naming it in
# passing; PostgreSQL's ts_rank does not. A fiche's score there is multiplied by
# 1 + LEAD_BONUS x the share of the query's words in its title or summary (bench/relevance.py:
# 0.843 -> 0.854 on the tuning sets, 0.809 -> 0.816 on validation; on PostgreSQL it lowered both).
LEAD_BONUS = 0.5


def idf(plan: TermPlan, version: Version, documents: int) -> dict[str, float]:
    """BM25's inverse document frequency of every key of the plan, from its "all" bitmap (a prefix
    key: the union of the terms it begins): ln(1 + (N - n + 0.5) / (n + 0.5)) for n of N documents.
    A rare word weighs more than a common one, whatever field it is in."""
    keys = list(dict.fromkeys(key for group in plan.groups for alternative in group for key in alternative))
    sets = term_sets(keys, version, "all")
    return {key: math.log(1 + (documents - len(sets[key]) + 0.5) / (len(sets[key]) + 0.5)) for key in keys}


def candidates(plan: TermPlan, passing: BitMap, version: Version, offers: BitMap | None) -> BitMap:
    """The documents of `passing` (the matches under every filter) that the full score ranks."""
    if len(passing) <= CANDIDATES:
        return passing
    titles = group_sets(plan, version, "title")
    leads = group_sets(plan, version, "lead")
    partitions = [passing & offers, passing - offers] if offers is not None else [passing]
    chosen = BitMap()
    for part in partitions:
        tiers = [_all(part, titles), _all(part, leads), part & BitMap.union(BitMap(), *leads)]
        for tier in tiers:
            new = tier - chosen
            room = CANDIDATES - len(chosen)
            if len(new) >= room:
                return chosen | new[:room]
            chosen |= new
        rest = part - chosen
        if len(rest) > CANDIDATES - len(chosen):
            return chosen  # the floor tier goes A-Z after the candidates
        chosen |= rest
    return chosen


def _all(part: BitMap, groups: list[BitMap]) -> BitMap:
    result = part
    for group in sorted(groups, key=len):
        result = result & group
    return result


ABOUT_LIMIT = 50  # organisations lifted among the offers for having the query in their title


def about_title(plan: TermPlan, among: BitMap, version: Version) -> BitMap:
    """The documents of `among` with every query group in their title (at most ABOUT_LIMIT)."""
    if not plan or not among:
        return BitMap()
    found = _all(among, group_sets(plan, version, "title"))
    return found[:ABOUT_LIMIT] if len(found) > ABOUT_LIMIT else found


def lead_multipliers(plan: TermPlan, among: BitMap, version: Version) -> dict[float, BitMap]:
    """Per multiplier above 1, the documents of `among` with that share of the query's groups in
    their title or summary (LEAD_BONUS)."""
    leads = group_sets(plan, version, "lead")
    if not leads or not among:
        return {}
    holding = [among]  # holding[j]: the documents with exactly j of the groups so far in their lead
    for lead in leads:
        grown = [holding[0] - lead]
        grown += [(holding[j] - lead) | (holding[j - 1] & lead) for j in range(1, len(holding))]
        grown.append(holding[-1] & lead)
        holding = grown
    return {
        round(1 + LEAD_BONUS * count / len(leads), 4): documents
        for count, documents in enumerate(holding)
        if count and documents
    }
