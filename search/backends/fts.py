"""The engine-specific full-text table `search_fts`: SQLite FTS5 or PostgreSQL tsvector + GIN.

Both store the same pre-processed terms (search.text.index_terms, made by the caller), so both engines match alike;
only the storage and the ranking function differ. Both keep the four fields apart (title, summary, body,
keywords) and weigh them as search.ranking.FIELD_WEIGHTS says: SQLite with bm25's per-column weights,
PostgreSQL with setweight A/B/C/D and ts_rank's weight array. ts_rank has no document frequency, so
PostgreSQL ranks BM25-like (PostgresFts.score): per key ts_rank times the key's IDF (from the term
bitmaps), summed over the query's words.
"""

from django.db import connection

from ..matching import TermPlan
from ..ranking import FIELD_WEIGHTS
from ..text import index_terms

FIELDS = ("title", "summary", "body", "keywords")  # the order of the FTS5 columns and of weights A-D
Row = tuple[int, str, str, str, str]  # page id, and the index terms of its title, summary, body, keywords
PREFIX_WEIGHT = 0.5  # the last word as a prefix, added to its exact match (PostgresFts.score)


def sqlite_weights() -> str:
    """bm25()'s column weights, in column order."""
    return ", ".join(f"{FIELD_WEIGHTS[name]:g}" for name in FIELDS)


def postgres_weights() -> str:
    """ts_rank's weight array {D, C, B, A} = keywords, body, summary, title, scaled to at most 1."""
    top = max(FIELD_WEIGHTS[name] for name in FIELDS)
    return "{" + ", ".join(f"{FIELD_WEIGHTS[name] / top:.4g}" for name in reversed(FIELDS)) + "}"


class SqliteFts:
    """On SQLite the terms live in an FTS5 virtual table keyed by the document's page id."""

    create = [
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING "
        f"fts5({', '.join(FIELDS)}, tokenize = 'unicode61')",
    ]
    drop = ["DROP TABLE IF EXISTS search_fts"]

    def upsert(self, cursor, rows: list[Row], facets: dict[int, list[str]] | None = None) -> None:
        """rows: (page id, and the index terms of its title, summary, body and keywords);
        facets are not kept here."""
        ids = [row[0] for row in rows]
        self.delete(cursor, ids)
        cursor.executemany(
            f"INSERT INTO search_fts (rowid, {', '.join(FIELDS)}) VALUES (%s, %s, %s, %s, %s)", rows
        )

    def delete(self, cursor, ids: list[int]) -> None:
        for chunk in _chunks(ids):
            cursor.execute(f"DELETE FROM search_fts WHERE rowid IN ({_marks(chunk)})", chunk)

    def clear(self, cursor) -> None:
        cursor.execute("DELETE FROM search_fts")

    def matches(self, plan: TermPlan) -> tuple[str, list]:
        """SQL selecting (id, score) of the matching documents, higher score = more relevant."""
        return (
            f"SELECT rowid AS id, -bm25(search_fts, {sqlite_weights()}) AS score "
            "FROM search_fts WHERE search_fts MATCH %s",
            [self.match_expression(plan)],
        )

    def match_ids(self, plan: TermPlan) -> tuple[str, list]:
        """SQL selecting only the ids of the matching documents (no ranking)."""
        return "SELECT rowid AS id FROM search_fts WHERE search_fts MATCH %s", [self.match_expression(plan)]

    def match_expression(self, plan: TermPlan) -> str:
        return _render(plan, " AND ", " OR ", _fts5_term)


class PostgresFts:
    """On PostgreSQL the terms live on the document row itself: a weighted `vector` (GIN) and the
    document's facet values as a `facets` text array (GIN), e.g. {"type:actie", "pijler:aanbod"}.
    Filtering is an array overlap and counting an unnest: one table, no joins (see migration 0004)."""

    create: list[str] = []  # the columns come with migration 0004
    drop: list[str] = []

    def upsert(self, cursor, rows: list[Row], facets: dict[int, list[str]] | None = None) -> None:
        """rows: (page id, and the index terms of its title, summary, body and keywords);
        facets: page id -> ["facet:value", ...] (None: the stored ones stay).

        `vector` holds every term, weighted A (title), B (summary), C (body), D (keywords): it decides
        what matches and ts_rank weighs its fields (search.ranking ranks at most a few hundred
        candidates, so a long fiche's vector is read only when it is one of them)."""
        cursor.executemany(
            """UPDATE search_searchdocument
               SET vector = setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B')
                         || setweight(to_tsvector('simple', %s), 'C') || setweight(to_tsvector('simple', %s), 'D'),
                   facets = COALESCE(%s::text[], facets)
               WHERE page_id = %s""",
            [
                (title, summary, body, keywords, None if facets is None else facets.get(pk, []), pk)
                for pk, title, summary, body, keywords in rows
            ],
        )

    def delete(self, cursor, ids: list[int]) -> None:
        """Nothing to do: the terms go with their document row."""

    def clear(self, cursor) -> None:
        """Nothing to do: the terms go with their document rows."""

    def tsquery(self, plan: TermPlan) -> str:
        return _render(plan, " & ", " | ", _tsquery_term)

    def score(self, plan: TermPlan, idf: dict[str, float], vector: str = "d.vector") -> tuple[str, list]:
        """SQL scoring a document row `d` for the plan, BM25-like (ts_rank alone has no IDF, so a
        common word in a title would outweigh a rare one in a body).

        Each key's ts_rank (its weighted fields' frequency, saturating; one term reaches at most 1)
        is multiplied by the key's IDF (search.ranking.idf). The groups (the query's words) add up;
        a group scores its best alternative, so a word counts once whether it matches as its key,
        a synonym or its compound parts. An alternative is the sum of its keys, scaled down to the
        number of words the group stands for (its first alternative: "codeerclub" is one word,
        not the two of codeer + club). Two additions to the best alternative: the last word as a
        prefix (capped at one term's rank and weighed PREFIX_WEIGHT, so a fiche with the exact form
        typed gets a little more, "stem*" does not add up every stemkoffer and stemworkshop), and
        the words joined ("europees project" -> europeesproject), a phrase match.

        `vector`: the row's tsvector, best detoasted once (each ts_rank call would fetch it again)."""
        weights = postgres_weights()
        args: list = []

        def key_rank(key: str) -> str:
            args.extend([idf[key] * (PREFIX_WEIGHT if key.endswith("*") else 1), _tsquery_term(key)])
            rank = f"ts_rank('{weights}', {vector}, to_tsquery('simple', %s))"
            return f"%s * LEAST({rank}, 1)" if key.endswith("*") else f"%s * {rank}"

        def alternative(keys, words: int) -> str:
            rendered = " + ".join(key_rank(key) for key in keys)
            return f"({rendered}) * {words / len(keys):.4g}" if len(keys) > words else rendered

        def group(alternatives) -> str:
            words = len(alternatives[0])
            joined = "".join(alternatives[0]) if words > 1 else None
            added = [
                alt for alt in alternatives if alt == (joined,) or (len(alt) == 1 and alt[0].endswith("*"))
            ]
            best = [alternative(alt, words) for alt in alternatives if alt not in added] or ["0"]
            rendered = f"GREATEST({', '.join(best)})" if len(best) > 1 else best[0]
            return " + ".join([rendered, *(alternative(alt, words) for alt in added)])

        return " + ".join(f"({group(alternatives)})" for alternatives in plan.groups), args


def refill(cursor, fts) -> None:
    """The full-text terms of every stored document, computed again from its stored text (a migration
    that changes the columns or weights; `manage.py update_index` does the same and more)."""
    cursor.execute("SELECT page_id, title, summary, body, keywords FROM search_searchdocument")
    rows = [(pk, *(index_terms(text or "") for text in texts)) for pk, *texts in cursor.fetchall()]
    fts.clear(cursor)
    for start in range(0, len(rows), 500):
        fts.upsert(cursor, rows[start : start + 500])


def _fts5_term(key: str) -> str:
    return f'"{key[:-1]}"*' if key.endswith("*") else f'"{key}"'


def _tsquery_term(key: str) -> str:
    """A key as a tsquery operand: `key*` is a prefix."""
    return f"{key[:-1]}:*" if key.endswith("*") else key


def _render(plan: TermPlan, and_: str, or_: str, term) -> str:
    """The plan in an engine's query syntax: groups joined by AND (OR for best effort)."""

    def alternative(keys) -> str:
        rendered = and_.join(term(key) for key in keys)
        return f"({rendered})" if len(keys) > 1 else rendered

    def group(alternatives) -> str:
        rendered = or_.join(alternative(alt) for alt in alternatives)
        return f"({rendered})" if len(alternatives) > 1 else rendered

    return (or_ if plan.match_any else and_).join(group(alts) for alts in plan.groups)


def fts_for(conn=connection):
    if conn.vendor == "postgresql":
        return PostgresFts()
    if conn.vendor == "sqlite":
        return SqliteFts()
    raise NotImplementedError(
        f"Full-text search is not available on {conn.vendor}; use SQLite or PostgreSQL."
    )


def _marks(items) -> str:
    return ", ".join(["%s"] * len(items))


def _chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start : start + size]
