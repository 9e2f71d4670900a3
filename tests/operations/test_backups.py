"""`manage.py backup DIR` and `restore DIR`: a round trip brings back pages, accounts and media;
bad input (no backup, a damaged or truncated one) gives a clear message and changes nothing.

The SQLite round trip runs against a real database file in tests/operations/test_production_server.py; this
module runs the round trip in process on PostgreSQL (a throwaway copy is the test database itself)."""

import hashlib
import json
import sqlite3
from contextlib import closing
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import connection

from actors.models import ActionPage
from operations import backups
from tests import factories


def test_a_folder_that_is_no_backup_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="geen back-up van het portaal.*niets veranderd"):
        call_command("restore", str(tmp_path), noinput=True)


def test_a_backup_never_overwrites_a_folder(db, tmp_path):
    (tmp_path / "iets.txt").write_text("bestaand", encoding="utf-8")
    with pytest.raises(CommandError, match="niet leeg"):
        call_command("backup", str(tmp_path))
    assert [p.name for p in tmp_path.iterdir()] == ["iets.txt"]


def test_restore_asks_before_it_replaces_anything(db, tmp_path, monkeypatch):
    (tmp_path / "manifest.json").write_text(
        f'{{"format": 1, "engine": "{connection.vendor}", "created": "x", "database": "d", "media": false}}'
    )
    (tmp_path / "d").write_text("")
    monkeypatch.setattr("builtins.input", lambda prompt: "nee")
    with pytest.raises(CommandError, match="Afgebroken"):
        call_command("restore", str(tmp_path))


def _backup_folder(folder: Path, database: bytes, **manifest) -> Path:
    folder.mkdir()
    (folder / "d").write_bytes(database)
    manifest = {
        "format": 1,
        "engine": connection.vendor,
        "created": "x",
        "database": "d",
        "media": False,
    } | manifest
    (folder / "manifest.json").write_text(json.dumps(manifest))
    return folder


def test_a_damaged_backup_is_refused_before_anything_changes(db, tmp_path):
    """The manifest's checksum no longer matches: a truncated copy, or bytes flipped on the way."""
    folder = _backup_folder(tmp_path / "b", b"dump", sha256=hashlib.sha256(b"dump, the whole").hexdigest())
    pages = ActionPage.objects.count()
    with pytest.raises(CommandError, match="beschadigd of onvolledig.*niets veranderd"):
        call_command("restore", str(folder), noinput=True)
    assert ActionPage.objects.count() == pages


def test_a_truncated_sqlite_backup_without_checksum_is_refused(db, tmp_path):
    """Backups made before the checksum existed: SQLite's own integrity check keeps a truncated file out."""
    if connection.vendor != "sqlite":
        pytest.skip(
            "an SQLite backup file; PostgreSQL's is checked by pg_restore in test_round_trip_on_postgresql"
        )
    made = tmp_path / "made.sqlite3"
    with closing(sqlite3.connect(made)) as database:
        database.execute("CREATE TABLE t (x TEXT)")
        database.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 400)
        database.commit()
    folder = _backup_folder(tmp_path / "b", made.read_bytes()[: made.stat().st_size // 2])
    with pytest.raises(CommandError, match="beschadigd of onvolledig.*niets veranderd"):
        call_command("restore", str(folder), noinput=True)


def test_an_sqlite_restore_reaches_a_database_the_running_portal_keeps_open(tmp_path):
    """A worker holds the database open in WAL mode with a write not yet checkpointed: the restored
    content must win, for that worker and for new ones (a copy over the file would lose to the WAL)."""
    backup_file, live = tmp_path / "backup.sqlite3", tmp_path / "live.sqlite3"
    for path, rows in ((backup_file, ["bewaard"]), (live, ["bewaard", "later"])):
        with closing(sqlite3.connect(path)) as database:
            database.execute("PRAGMA journal_mode=WAL")
            database.execute("CREATE TABLE t (x TEXT)")
            database.executemany("INSERT INTO t VALUES (?)", [(row,) for row in rows])
            database.commit()
    with closing(sqlite3.connect(live, isolation_level=None)) as worker:
        worker.execute("PRAGMA wal_autocheckpoint=0")
        worker.execute("INSERT INTO t VALUES ('nog later')")
        backups._sqlite_copy(backup_file, live)
        assert worker.execute("SELECT x FROM t").fetchall() == [("bewaard",)]
    with closing(sqlite3.connect(live)) as fresh:
        assert fresh.execute("SELECT x FROM t").fetchall() == [("bewaard",)]


@pytest.mark.django_db(transaction=True)
def test_round_trip_on_postgresql(tmp_path, settings):
    if connection.vendor != "postgresql":
        pytest.skip("in-process round trip on PostgreSQL; SQLite's runs in test_production_server.py")
    settings.MEDIA_ROOT = str(tmp_path / "media")
    (Path(settings.MEDIA_ROOT) / "documents").mkdir(parents=True)
    (Path(settings.MEDIA_ROOT) / "documents" / "verslag.txt").write_text("bewaard", encoding="utf-8")
    factories.site_tree_after_flush()  # an earlier transactional test may have flushed the root page
    page = factories.action("Fiche in de back-up")
    User.objects.create_user("redacteur-an", password="x")
    call_command("backup", str(tmp_path / "backup"), stdout=StringIO())

    ActionPage.objects.get(pk=page.pk).delete()
    User.objects.filter(username="redacteur-an").delete()
    (Path(settings.MEDIA_ROOT) / "documents" / "verslag.txt").unlink()
    call_command("restore", str(tmp_path / "backup"), noinput=True, stdout=StringIO())

    assert ActionPage.objects.get(pk=page.pk).title == "Fiche in de back-up"
    assert User.objects.filter(username="redacteur-an").exists()
    assert (Path(settings.MEDIA_ROOT) / "documents" / "verslag.txt").read_text(encoding="utf-8") == "bewaard"

    # A truncated dump from before the checksum existed: pg_restore fails inside its one transaction.
    User.objects.create_user("na-de-back-up", password="x")
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    del manifest["sha256"]
    (tmp_path / "backup" / "manifest.json").write_text(json.dumps(manifest))
    dump = tmp_path / "backup" / manifest["database"]
    dump.write_bytes(dump.read_bytes()[: dump.stat().st_size // 2])
    with pytest.raises(CommandError, match="pg_restore mislukte.*niets veranderd"):
        call_command("restore", str(tmp_path / "backup"), noinput=True, stdout=StringIO())
    assert User.objects.filter(username="na-de-back-up").exists()
    assert ActionPage.objects.get(pk=page.pk).title == "Fiche in de back-up"
