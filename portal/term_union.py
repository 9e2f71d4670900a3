"""Rows of several small models (taxonomy terms, tags) read in one UNION ALL query.

The terms of every taxonomy share their columns (a competence adds its area) and a tag has a few of
its own, so one statement can carry them all: each branch selects the union of the models' columns,
naming the others NULL, and tags its rows with the branch's position. A fiche's taxonomies and tags,
or the whole facet vocabulary, then cost one query instead of one per model.
"""

from django.db import connections, router


def read_union(branches: list[tuple[type, str, list]], using_model=None) -> list[list]:
    """Per branch (model, "FROM <its table> t ..." SQL, args): its model instances, in row order.

    The FROM part must call the model's table `t`; it may join and filter as it likes."""
    fields = []  # the union of the models' column names, in a stable order
    for model, _sql, _args in branches:
        for concrete in model._meta.concrete_fields:
            if concrete.column not in fields:
                fields.append(concrete.column)
    alias = router.db_for_read(using_model or branches[0][0])
    qn = connections[alias].ops.quote_name
    statements, args = [], []
    for position, (model, from_sql, branch_args) in enumerate(branches):
        own = {f.column for f in model._meta.concrete_fields}
        columns = ", ".join(f"t.{qn(c)}" if c in own else f"NULL AS {qn(c)}" for c in fields)
        statements.append(f"SELECT {position} AS rel, {columns} {from_sql}")
        args += branch_args
    rows: list[list] = [[] for _ in branches]
    with connections[alias].cursor() as cursor:
        cursor.execute(" UNION ALL ".join(statements), args)
        for row in cursor.fetchall():
            rows[row[0]].append(row[1:])
    result = []
    for (model, _sql, _args), model_rows in zip(branches, rows, strict=True):
        names = [f.attname for f in model._meta.concrete_fields]
        positions = [fields.index(f.column) for f in model._meta.concrete_fields]
        result.append([model.from_db(alias, names, [row[i] for i in positions]) for row in model_rows])
    return result


def table(model) -> str:
    """The model's table as the `t` of a branch."""
    alias = router.db_for_read(model)
    return f"FROM {connections[alias].ops.quote_name(model._meta.db_table)} t"


def term_order(term) -> tuple:
    """As the models order: terms by (sort_order, code), tags by name."""
    if hasattr(term, "sort_order"):
        return (term.sort_order, term.code)
    return (term.name.lower(), term.pk)
