"""The set-up of the benchmarks that time work on an empty portal (load_inventory.py, import_sessions.py):
Django on the test settings and a freshly migrated database of their own.

Without DATABASE_URL that is a new SQLite file in a temporary folder. A PostgreSQL database is dropped
and created again (a flush would also empty what the migrations put in, such as the taxonomies), so
its name must start with "bench" to keep a real database out of harm's way.
"""

import os
import sys
import tempfile


def fresh_database() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    _recreate_postgres_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _recreate_postgres_database(url: str) -> None:
    if not url.startswith(("postgres://", "postgresql://")):
        return
    admin, name = postgres_admin(url)
    if not name.startswith("bench"):
        sys.exit(f"The benchmark empties its database; name it bench_… (not {name!r}).")
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def postgres_admin(url: str):
    """(a connection to the server's `postgres` database in autocommit, the name of the database in
    `url`): for creating and dropping the benchmark's own database."""
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    admin = psycopg.connect(
        dbname="postgres",
        user=config["USER"],
        host=config["HOST"],
        port=config["PORT"] or 5432,
        password=config["PASSWORD"] or None,
        autocommit=True,
    )
    return admin, config["NAME"]
