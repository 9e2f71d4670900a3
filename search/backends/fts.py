"""The engine-specific full-text table `search_fts`: SQLite FTS5 or PostgreSQL tsvector + GIN.

Both store the same pre-processed terms (search.text.index_terms), so both engines match alike;
only the storage and the ranking function differ. Titles weigh more than body text on both.
"""

from django.db import connection

from ..text import index_terms, stem


class SqliteFts:
    create = [
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(title, body, tokenize = 'unicode61')",
    ]
    drop = ["DROP TABLE IF EXISTS search_fts"]

    def upsert(self, cursor, rows: list[tuple[int, str, str]]) -> None:
        ids = [row[0] for row in rows]
        self.delete(cursor, ids)
        cursor.executemany(
            "INSERT INTO search_fts (rowid, title, body) VALUES (%s, %s, %s)",
            [(pk, index_terms(title), index_terms(body)) for pk, title, body in rows],
        )

    def delete(self, cursor, ids: list[int]) -> None:
        for chunk in _chunks(ids):
            cursor.execute(f"DELETE FROM search_fts WHERE rowid IN ({_marks(chunk)})", chunk)

    def clear(self, cursor) -> None:
        cursor.execute("DELETE FROM search_fts")

    def matches(self, stems: list[str], prefix: str | None) -> tuple[str, list]:
        """SQL selecting (id, score) of the matching documents, higher score = more relevant."""
        # The unfinished last word matches as typed-so-far (prefix) or, when complete, by its stem.
        terms = [f'"{term}"' for term in stems] + ([f'("{stem(prefix)}" OR "{prefix}"*)'] if prefix else [])
        return (
            "SELECT rowid AS id, -bm25(search_fts, 10.0, 1.0) AS score FROM search_fts WHERE search_fts MATCH %s",
            [" AND ".join(terms)],
        )


class PostgresFts:
    create = [
        # No foreign key: Django's test flush truncates its own tables without CASCADE. Rows are
        # removed with their document (search.indexing.remove_pages) and queries join on documents.
        "CREATE TABLE IF NOT EXISTS search_fts (document_id bigint PRIMARY KEY, vector tsvector NOT NULL)",
        "CREATE INDEX IF NOT EXISTS search_fts_vector ON search_fts USING GIN (vector)",
    ]
    drop = ["DROP TABLE IF EXISTS search_fts"]

    def upsert(self, cursor, rows: list[tuple[int, str, str]]) -> None:
        cursor.executemany(
            """INSERT INTO search_fts (document_id, vector)
               VALUES (%s, setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B'))
               ON CONFLICT (document_id) DO UPDATE SET vector = EXCLUDED.vector""",
            [(pk, index_terms(title), index_terms(body)) for pk, title, body in rows],
        )

    def delete(self, cursor, ids: list[int]) -> None:
        for chunk in _chunks(ids):
            cursor.execute(f"DELETE FROM search_fts WHERE document_id IN ({_marks(chunk)})", chunk)

    def clear(self, cursor) -> None:
        cursor.execute("TRUNCATE search_fts")

    def matches(self, stems: list[str], prefix: str | None) -> tuple[str, list]:
        terms = list(stems) + ([f"({stem(prefix)} | {prefix}:*)"] if prefix else [])
        return (
            "SELECT document_id AS id, ts_rank(vector, query) AS score "
            "FROM search_fts, to_tsquery('simple', %s) AS query WHERE vector @@ query",
            [" & ".join(terms)],
        )


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
