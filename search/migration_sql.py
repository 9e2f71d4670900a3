"""Raw SQL for migrations that only PostgreSQL runs (SQLite keeps its FTS5 table instead)."""


def on_postgres(*statements: str):
    """A RunPython function executing `statements` on PostgreSQL, and nothing elsewhere."""

    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply
