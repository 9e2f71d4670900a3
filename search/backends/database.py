"""The database backend: SQLite FTS5 or PostgreSQL full-text search, with facets counted on bitmaps.

Facet counts follow the rule users expect from faceted search: the counts of one facet's values
reflect every *other* active filter (so ticking a value never makes its siblings drop to zero).
They come from per-value document bitmaps (search.bitmaps) intersected with the match set, itself
made of per-term bitmaps (search.term_sets), so their cost does not grow with the number of matches;
SQL only returns one page of hits, ranked on PostgreSQL among at most a few hundred candidates
(search.ranking). The page is ranked on narrow columns first (id, score, sort key) and only its
rows are read in full, so a broad query never carries the bodies of all its matches through the sort.
"""

from dataclasses import replace
from datetime import UTC

from django.db import connection
from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_aware, make_aware
from pyroaring import BitMap

from portal.fiche import offer_kinds

from ..bitmaps import FacetBitmaps, facet_bitmaps
from ..facets import FACETS, HIT_FACETS, vocabulary
from ..matching import TermPlan, build_plan
from ..params import SearchParams
from ..ranking import CANDIDATES, CONCEPT_BOOST, OFFER_BOOST, about_title, candidates, idf, lead_multipliers
from ..result import FacetValue, SearchHit, SearchResult
from ..term_sets import match_set, term_sets
from ..text import highlight
from .fts import fts_for

DOC = "search_searchdocument"
FACET = "search_searchfacetvalue"


# A teacher looking for training wants offers first, organisations after (unless the query names one).
def offers_first_sql() -> str:
    return f"CASE WHEN d.kind IN ({', '.join(repr(kind) for kind in offer_kinds())}) THEN 0 ELSE 1 END"


VALUE_SEPARATOR = "\x1f"  # between the "facet:value" items of a page row; in no value
SORT_SQL = {
    "titel": "d.title_sort ASC, d.page_id ASC",
    "nieuw": "d.published_at DESC, d.page_id DESC",
}


class DatabaseBackend:
    name = "database"

    def search(self, params: SearchParams, plan: TermPlan | None = None) -> SearchResult:
        """`plan`: the query's terms as the service planned them (default: the literal plan)."""
        if plan is None:
            plan = plan_for(params)
        bitmaps = facet_bitmaps()
        matches = match_set(plan, bitmaps.version) if plan else None
        sql_plan, tiers, restrict, boost = plan, [], None, None
        if plan and (plan.boost or plan.boost_terms):
            # A named concept (search.concepts) multiplies its fiches' score. In the best-effort
            # fallback (no fiche has every word) its fiches that match only the concept's own labels
            # ("nepnieuws" -> mediawijsheid) answer too.
            boost = boost_set(plan, bitmaps)
            if plan.match_any and plan.concept_group:
                sql_plan = replace(plan, groups=(*plan.groups, plan.concept_group))
                matches = restrict = matches | (match_set(sql_plan, bitmaps.version) & boost)
        if plan.within is not None:
            within = BitMap(plan.within)
            matches = matches & within if matches is not None else within
            restrict = within if restrict is None else restrict & within
        query_class = _PostgresQuery if connection.vendor == "postgresql" else _Query
        query = query_class(params, sql_plan, tiers=tiers, restrict=restrict, boosted=boost)
        counts, passing = bitmaps.counts(matches, params.filters, count=params.facets)
        facets = query.labelled(counts) if params.facets else {}
        with connection.cursor() as cursor:
            rows = query.page(cursor, passing, bitmaps) if passing and params.page_size else []
            hits = self._hits(cursor, rows, params, plan)
        return SearchResult(
            hits=hits, total=len(passing), facets=facets, backend=f"{self.name}:{connection.vendor}"
        )

    def _hits(self, cursor, rows, params: SearchParams, plan: TermPlan) -> list[SearchHit]:
        hits = []
        for pk, score, kind, title, url_path, summary, source, body, published_at, facet_values in rows:
            codes = _hit_codes(facet_values)
            hits.append(
                SearchHit(
                    id=pk,
                    type=kind,
                    title=title,
                    url_path=url_path,
                    summary=summary,
                    source=source,
                    score=round(float(score or 0.0), 4),
                    highlight=_snippet(summary, body, params.q, plan.keys()),
                    published_at=_as_datetime(published_at),
                    digcompedu=codes["digcompedu"],
                    pijlers=codes["pijler"],
                    values=codes,
                )
            )
        return hits


def _hit_codes(joined: str | None) -> dict[str, list[str]]:
    """The values of the facets a result card shows, from the page row's "facet:value" list."""
    codes: dict[str, list[str]] = {name: [] for name in HIT_FACETS}
    for item in (joined or "").split(VALUE_SEPARATOR):
        facet, _, value = item.partition(":")
        if facet in codes:
            codes[facet].append(value)
    for values in codes.values():
        values.sort()
    return codes


def boost_set(plan: TermPlan, bitmaps: FacetBitmaps) -> BitMap:
    """The documents a concept boost lifts: carrying one of its facet values or tags."""
    found = BitMap()
    for facet, value in plan.boost:
        found |= bitmaps.values.get(facet, {}).get(value, BitMap())
    if plan.boost_terms:
        keys = [key for tag in plan.boost_terms for key in tag]
        sets = term_sets(keys, bitmaps.version, "all")
        for tag in plan.boost_terms:
            tagged = sets[tag[0]]
            for key in tag[1:]:
                tagged = tagged & sets[key]
            found |= tagged
    return found


def _id_list(ids: BitMap) -> str:
    return ", ".join(str(int(page_id)) for page_id in ids)


def plan_for(params: SearchParams) -> TermPlan:
    """The literal plan of a query: its words' keys, the last one also as a prefix."""
    return build_plan(params.q)


def _as_datetime(value):
    """Raw SQL on SQLite gives datetimes as UTC text or naive UTC datetimes; PostgreSQL gives aware ones."""
    if isinstance(value, str):
        value = parse_datetime(value)
    return value if value is None or is_aware(value) else make_aware(value, UTC)


def _snippet(summary: str, body: str, query: str, keys=()) -> str:
    """The body around the first match, or the summary when the match was in a title or keyword."""
    if query:
        around_match = highlight(body, query, extra=keys)
        if "<mark>" in around_match:
            return around_match
    return highlight(summary, query, extra=keys)


class _Query:
    """The SQL for one SearchParams: matching, filtering, sorting, counting.

    This general form (used on SQLite) joins the FTS5 matches and filters through the facet-value
    table; PostgreSQL has a faster form below."""

    match_score = "m.score"
    # The page rows carry their facet values (for the result cards), so they need no query of their own.
    facet_values_sql = (
        f"(SELECT group_concat(f.facet || ':' || f.value, char(31)) FROM {FACET} f "
        f"WHERE f.document_id = d.page_id AND f.facet IN ({', '.join(repr(name) for name in HIT_FACETS)}))"
    )
    ranks_candidates = False  # SQLite ranks every match with bm25 (exact; fast enough at 10,000)
    lead_bonus = True  # search.ranking.LEAD_BONUS: bm25 divides by the whole fiche's length

    def __init__(
        self, params: SearchParams, plan: TermPlan, tiers=(), restrict: BitMap | None = None, boosted=None
    ):
        """tiers: sets of documents ranked before the rest, in order (a concept boost); restrict:
        the documents the text may match (the plan's words match more); boosted: the documents
        whose score is multiplied by CONCEPT_BOOST."""
        self.params = params
        self.boosted = boosted
        self.plan = plan
        self.offers_first = plan.offers_first
        self.has_text = bool(plan)
        self.tiers = [tier for tier in tiers if tier]
        self.restrict = restrict
        self._prepare_match()

    def _prepare_match(self) -> None:
        """What the engine's full-text match needs from the plan (SQLite: an FTS5 subquery)."""
        self.match_sql, self.match_params = fts_for().matches(self.plan) if self.has_text else ("", [])

    def _restricted(self, clauses: list[str]) -> list[str]:
        if self.restrict is not None:
            clauses.append(f"d.page_id IN ({_id_list(self.restrict) or 'NULL'})")
        return clauses

    def _tier_sql(self, passing: BitMap) -> str:
        """CASE ... END putting the tiers (within `passing`) first, in order; "" without tiers."""
        cases, seen = [], BitMap()
        for number, tier in enumerate(self.tiers):
            members = (tier & passing) - seen
            seen |= members
            if members:
                cases.append(f"WHEN d.page_id IN ({_id_list(members)}) THEN {number}")
        return f"CASE {' '.join(cases)} ELSE {len(self.tiers)} END" if cases else ""

    def _from(self) -> tuple[str, list]:
        if self.has_text:
            return f"FROM {DOC} d JOIN ({self.match_sql}) m ON m.id = d.page_id", list(self.match_params)
        return f"FROM {DOC} d", []

    def _where(self, skip_facet: str | None = None) -> tuple[str, list]:
        clauses, args = self._restricted([]), []
        for facet, values in self.params.filters.items():
            if facet == skip_facet or not values:
                continue
            marks = ", ".join(["%s"] * len(values))
            clauses.append(
                f"d.page_id IN (SELECT document_id FROM {FACET} WHERE facet = %s AND value IN ({marks}))"
            )
            args += [facet, *values]
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), args

    def page(self, cursor, passing: BitMap, bitmaps: FacetBitmaps) -> list[tuple]:
        """One page of hits. By relevance: the candidates (search.ranking) by full score, then the
        other matches A-Z; by title or date: every match in that order."""
        size, offset = self.params.page_size, (self.params.page - 1) * self.params.page_size
        if self.params.sort != "relevantie" or not self.has_text:
            order = SORT_SQL["titel" if self.params.sort == "relevantie" else self.params.sort]
            return self._rows(cursor, self._where(), order, size, offset)
        offers = bitmaps.offers() if self.offers_first else None
        first_sql = offers_first_sql()
        if offers is not None:
            # an organisation whose title is about the query ("Nascholingsorganisaties" for
            # "nascholing") ranks with the offers, not below them
            about = about_title(self.plan, passing - offers, bitmaps.version)
            if about:
                offers = offers | about
                ids = ", ".join(str(int(page_id)) for page_id in about)
                first_sql = first_sql.replace(" THEN 0", f" OR d.page_id IN ({ids}) THEN 0", 1)
        chosen = candidates(self.plan, passing, bitmaps.version, offers) if self.ranks_candidates else passing
        if self.tiers and self.ranks_candidates:
            chosen = chosen | (self.tiers[0] & passing)[:CANDIDATES]
        ranked = "score DESC, d.title_sort ASC, d.page_id ASC"
        a_to_z = SORT_SQL["titel"]
        self.multipliers = []
        if self.offers_first:
            # Offers weigh OFFER_BOOST times more than organisations: an organisation that is far more
            # about the query (CoderDojo for "programmeren") still ranks above an offer naming it in passing.
            self.multipliers.append(first_sql.replace("THEN 0 ELSE 1", f"THEN {OFFER_BOOST} ELSE 1"))
            a_to_z = f"{first_sql}, {a_to_z}"
        if self.boosted is not None and self.boosted & passing:
            ids = _id_list(self.boosted & passing)
            self.multipliers.append(f"CASE WHEN d.page_id IN ({ids}) THEN {CONCEPT_BOOST} ELSE 1 END")
        if self.lead_bonus:
            tiers = lead_multipliers(self.plan, chosen, bitmaps.version)
            if tiers:
                cases = " ".join(
                    f"WHEN d.page_id IN ({_id_list(ids)}) THEN {weight}" for weight, ids in tiers.items()
                )
                self.multipliers.append(f"CASE {cases} ELSE 1 END")
        tier_sql = self._tier_sql(passing)
        if tier_sql:
            ranked, a_to_z = f"{tier_sql}, {ranked}", f"{tier_sql}, {a_to_z}"
        rows = []
        if offset < len(chosen):
            rows = self._rows(cursor, self._among(chosen), ranked, size, offset, scored=True)
        if len(rows) < size and len(chosen) < len(passing):
            where_sql, where_args = self._where()
            outside, outside_args = self._outside(chosen)
            joiner = " AND " if where_sql else " WHERE "
            rows += self._rows(
                cursor,
                (where_sql + (joiner + outside if outside else ""), where_args + outside_args),
                a_to_z,
                size - len(rows),
                max(0, offset - len(chosen)),
            )
        return rows

    def _rows(self, cursor, where, order: str, limit: int, offset: int, scored: bool = False) -> list[tuple]:
        """Ranked on narrow columns, then only the page's rows read in full."""
        where_sql, where_args = where
        from_sql, from_args = self._from()
        score, score_args = self._score() if scored else ("0.0", [])
        if scored:
            from_sql += self.score_from
        if scored:
            for multiplier in getattr(self, "multipliers", ()):
                score = f"({score}) * ({multiplier})"
        outer_order = order.replace("d.", "r.").replace("score DESC", "r.score DESC")
        cursor.execute(
            "SELECT d.page_id, r.score, d.kind, d.title, d.url_path, d.summary, d.source, d.body, d.published_at, "
            f"{self.facet_values_sql} FROM (SELECT d.page_id, {score} AS score, d.kind, d.title_sort, d.published_at "
            f"{from_sql}{where_sql} ORDER BY {order} LIMIT %s OFFSET %s) r "
            f"JOIN {DOC} d ON d.page_id = r.page_id ORDER BY {outer_order}",
            score_args + from_args + where_args + [limit, offset],
        )
        return cursor.fetchall()

    score_from = ""  # what the score needs joined to each row

    def _score(self) -> tuple[str, list]:
        """The full score of a matching row `d` (higher = more relevant) and its parameters."""
        return self.match_score, []

    def _among(self, ids: BitMap) -> tuple[str, list]:
        """The WHERE of the documents `ids`; here always every match under the filters (see
        ranks_candidates), which the FTS join and the filters select."""
        return self._where()

    def _outside(self, ids: BitMap) -> tuple[str, list]:
        raise NotImplementedError("SQLite ranks every match: no document is left outside")

    def labelled(self, counts: dict[str, dict[str, int]]) -> dict[str, list[FacetValue]]:
        """Every known value in display order; zero counts kept only for selected values."""
        known = vocabulary()
        facets = {}
        for facet in FACETS:
            selected = set(self.params.filters.get(facet.name, ()))
            counted = counts.get(facet.name, {})  # a facet no match carries has no entry
            facets[facet.name] = [
                FacetValue(value, label, counted.get(value, 0), value in selected)
                for value, label in known[facet.name].items()
                if counted.get(value) or value in selected
            ]
        return facets


class _PostgresQuery(_Query):
    """PostgreSQL: terms and facet values sit on the document row (migration 0004), so matching,
    filtering (array overlap, GIN) and counting (unnest) need no join at all. The score is BM25-like
    (search.backends.fts.PostgresFts.score): ts_rank per key times the key's IDF, which the term
    bitmaps give for free (search.ranking.idf), passed as parameters."""

    facet_values_sql = "array_to_string(d.facets, chr(31))"

    def _prepare_match(self) -> None:
        self.tsquery = fts_for().tsquery(self.plan) if self.has_text else ""

    def _from(self) -> tuple[str, list]:
        if self.has_text:
            return f"FROM {DOC} d, to_tsquery('simple', %s) query", [self.tsquery]
        return f"FROM {DOC} d", []

    def _where(self, skip_facet: str | None = None) -> tuple[str, list]:
        clauses, args = self._restricted(["d.vector @@ query"] if self.has_text else []), []
        for facet, values in self.params.filters.items():
            if facet == skip_facet or not values:
                continue
            clauses.append("d.facets && %s::text[]")
            args.append([f"{facet}:{value}" for value in values])
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), args

    ranks_candidates = True  # search.ranking: the full score for at most CANDIDATES documents
    lead_bonus = False  # ts_rank weighs the fields without dividing by the fiche's length

    def page(self, cursor, passing: BitMap, bitmaps: FacetBitmaps) -> list[tuple]:
        if self.has_text and self.params.sort == "relevantie":
            self.idf = idf(self.plan, bitmaps.version, len(bitmaps.documents))
        return super().page(cursor, passing, bitmaps)

    # The score ranks the row's vector once per key; an array holds its elements detoasted, so the
    # vector is read from the TOAST table once per row instead of once per key.
    score_from = ", LATERAL (SELECT (ARRAY[d.vector])[1] AS vector OFFSET 0) flat"

    def _score(self) -> tuple[str, list]:
        return fts_for().score(self.plan, self.idf, vector="flat.vector")

    def _among(self, ids: BitMap) -> tuple[str, list]:
        return " WHERE d.page_id = ANY(%s)", [list(ids)]

    def _outside(self, ids: BitMap) -> tuple[str, list]:
        return "NOT (d.page_id = ANY(%s))", [list(ids)]
