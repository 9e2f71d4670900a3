"""`manage.py backup DIR` and `manage.py restore DIR`: the whole database (an engine-native copy, so
nothing is left out: pages, revisions, accounts, statistics, the search index) plus the uploaded media.

SQLite is copied with SQLite's online backup (safe while the portal runs); PostgreSQL with pg_dump in
its custom format and restored with pg_restore in one transaction. DIR/manifest.json says what the
backup holds and the database file's SHA-256; restore checks both (and, on SQLite, the file's own
integrity) before it changes anything, so a damaged or truncated backup is refused.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone

from search import forget_cached_answers

from . import page_cache

FORMAT = 1
MANIFEST = "manifest.json"
FILES = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message is for the (Dutch) user."""


def engine() -> str:
    vendor = connections["default"].vendor
    if vendor not in FILES:
        raise BackupError(f"Back-ups van een {vendor}-database worden niet ondersteund.")
    return vendor


def backup(folder: Path) -> dict:
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"De map {folder} bestaat al en is niet leeg: kies een nieuwe map.")
    kind = engine()
    folder.mkdir(parents=True, exist_ok=True)
    database_file = folder / FILES[kind]
    if kind == "sqlite":
        _sqlite_copy(Path(settings.DATABASES["default"]["NAME"]), database_file)
    else:
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(database_file)])
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir():
        shutil.copytree(media, folder / "media")
    manifest = {
        "format": FORMAT,
        "engine": kind,
        "created": timezone.now().isoformat(timespec="seconds"),
        "database": database_file.name,
        "sha256": _sha256(database_file),
        "media": (folder / "media").is_dir(),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return manifest


def read_manifest(folder: Path) -> dict:
    path = Path(folder) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(f"{path} ontbreekt of is onleesbaar: dit is geen back-up van het portaal.") from exc
    if manifest.get("format") != FORMAT or manifest.get("engine") not in FILES:
        raise BackupError(f"{path}: onbekend back-upformaat.")
    if manifest["engine"] != engine():
        raise BackupError(
            f"Deze back-up komt van een {manifest['engine']}-database; het portaal gebruikt nu {engine()}."
        )
    database_file = Path(folder) / manifest["database"]
    if not database_file.is_file():
        raise BackupError(f"Het databasebestand {manifest['database']} ontbreekt in {folder}.")
    damaged = f"Het databasebestand {database_file} is beschadigd of onvolledig."
    # Backups made before the checksum existed have none; SQLite's own check and pg_restore's single
    # transaction still keep a damaged one out.
    if "sha256" in manifest and manifest["sha256"] != _sha256(database_file):
        raise BackupError(damaged)
    if manifest["engine"] == "sqlite" and not _sqlite_intact(database_file):
        raise BackupError(damaged)
    return manifest


def restore(folder: Path) -> dict:
    """Replace the database and the media with the backup's. Checked first; nothing changes on error."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    database_file = folder / manifest["database"]
    connections.close_all()
    if manifest["engine"] == "sqlite":
        _sqlite_copy(database_file, Path(settings.DATABASES["default"]["NAME"]))
    else:
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                str(database_file),
            ],
            database_flag=True,
        )
    if manifest["media"]:
        _replace_folder(folder / "media", Path(settings.MEDIA_ROOT))

    forget_cached_answers()  # cached answers of the database before the restore are stale now
    page_cache.invalidate()
    return manifest


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _sqlite_intact(path: Path) -> bool:
    # Not opened read-only: a read-only connection leaves -wal and -shm files in the backup folder.
    try:
        with closing(sqlite3.connect(path)) as database:
            database.execute("PRAGMA query_only = ON")
            return database.execute("PRAGMA quick_check").fetchone() == ("ok",)
    except sqlite3.Error:
        return False


def _sqlite_copy(source: Path, target: Path) -> None:
    # The online backup API copies a consistent snapshot, even while other processes write, and writes
    # through SQLite's own locking and WAL, so processes that keep the database open see the copy.
    try:
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
            src.backup(dst)
            dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as exc:
        raise BackupError(f"De SQLite-kopie mislukte: {exc}.") from exc


def _replace_folder(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=".restore-"))
    shutil.copytree(source, staging / "media")
    if target.exists():
        shutil.rmtree(target)
    (staging / "media").rename(target)
    staging.rmdir()


def _run(command: list[str], database_flag: bool = False) -> None:
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if db.get(key):
            env[variable] = str(db[key])
    command = [*command, "--dbname", db["NAME"]] if database_flag else [*command, db["NAME"]]
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} ontbreekt: installeer de PostgreSQL-clientprogramma's.")
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} mislukte: {result.stderr.strip()[:500]}")
