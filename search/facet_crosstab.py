"""Facet values counted against each other in one query: how many fiches carry value A of one facet
together with value B of another. The landscape's matrix is one such table (partner group against
DigCompEdu area and pillar); every cell equals the total of the search its link opens, because both
count the same index rows. Cached per index version."""

from django.db import connection

from .cache import cached
from .models import SearchFacetValue

FACET = SearchFacetValue._meta.db_table


def crosstab(row_facet: str, column_facets: tuple[str, ...]) -> dict[str, dict]:
    """{row value: {"total": n, column facet: {column value: n}}}."""
    return cached("crosstab", (row_facet, column_facets), lambda: _count(row_facet, column_facets))


def _count(row_facet: str, column_facets: tuple[str, ...]) -> dict[str, dict]:
    marks = ", ".join(["%s"] * len(column_facets))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT g.value, f.facet, f.value, COUNT(*) FROM {FACET} g "
            f"JOIN {FACET} f ON f.document_id = g.document_id "
            f"WHERE g.facet = %s AND f.facet IN ({marks}) GROUP BY g.value, f.facet, f.value "
            f"UNION ALL SELECT value, NULL, NULL, COUNT(*) FROM {FACET} WHERE facet = %s GROUP BY value",
            [row_facet, *column_facets, row_facet],
        )
        rows = cursor.fetchall()
    table: dict[str, dict] = {}
    for row_value, facet, value, count in rows:
        entry = table.setdefault(row_value, {"total": 0, **{name: {} for name in column_facets}})
        if facet is None:
            entry["total"] = count
        else:
            entry[facet][value] = count
    return table
