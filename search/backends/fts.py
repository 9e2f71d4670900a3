"""The engine-specific full-text table `search_fts`: SQLite FTS5 or PostgreSQL tsvector + GIN.

Both store the same pre-processed terms (search.text.index_terms, made by the caller), so both engines match alike;
only the storage and the ranking function differ. Titles weigh more than body text on both.
"""

from django.db import connection

from ..matching import TermPlan


class SqliteFts:
    """On SQLite the terms live in an FTS5 virtual table keyed by the document's page id."""

    create = [
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(title, body, tokenize = 'unicode61')",
    ]
    drop = ["DROP TABLE IF EXISTS search_fts"]

    def upsert(
        self, cursor, rows: list[tuple[int, str, str, str]], facets: dict[int, list[str]] | None = None
    ) -> None:
        """rows: (page id, and the index terms of its title, summary and the rest of the text);
        facets are not kept here."""
        ids = [row[0] for row in rows]
        self.delete(cursor, ids)
        cursor.executemany(
            "INSERT INTO search_fts (rowid, title, body) VALUES (%s, %s, %s)",
            [(pk, title, f"{summary} {rest}") for pk, title, summary, rest in rows],
        )

    def delete(self, cursor, ids: list[int]) -> None:
        for chunk in _chunks(ids):
            cursor.execute(f"DELETE FROM search_fts WHERE rowid IN ({_marks(chunk)})", chunk)

    def clear(self, cursor) -> None:
        cursor.execute("DELETE FROM search_fts")

    def matches(self, plan: TermPlan) -> tuple[str, list]:
        """SQL selecting (id, score) of the matching documents, higher score = more relevant."""
        return (
            "SELECT rowid AS id, -bm25(search_fts, 10.0, 1.0) AS score FROM search_fts WHERE search_fts MATCH %s",
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

    def upsert(
        self, cursor, rows: list[tuple[int, str, str, str]], facets: dict[int, list[str]] | None = None
    ) -> None:
        """rows: (page id, and the index terms of its title, summary and the rest of the text);
        facets: page id -> ["facet:value", ...].

        `vector` holds every term and decides what matches; the small `rank_vector` (title and
        summary, weighted A and B) orders the matches cheaply: ranking never has to read the large
        vector of a long fiche."""
        facets = facets or {}
        cursor.executemany(
            """UPDATE search_searchdocument
               SET vector = setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B'),
                   rank_vector = setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B'),
                   facets = %s
               WHERE page_id = %s""",
            [
                (title, f"{summary} {rest}", title, summary, facets.get(pk, []), pk)
                for pk, title, summary, rest in rows
            ],
        )

    def delete(self, cursor, ids: list[int]) -> None:
        """Nothing to do: the terms go with their document row."""

    def clear(self, cursor) -> None:
        """Nothing to do: the terms go with their document rows."""

    def tsquery(self, plan: TermPlan) -> str:
        return _render(plan, " & ", " | ", _tsquery_term)


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
