"""`manage.py backup DIR` and `restore DIR`: a round trip brings back pages, accounts and media;
bad input gives a clear message and changes nothing.

The SQLite round trip runs against a real database file in tests/operations/test_production_server.py; this
module runs the round trip in process on PostgreSQL (a throwaway copy is the test database itself)."""

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import connection

from actors.models import ActionPage
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
