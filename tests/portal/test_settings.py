"""Settings come from the environment; bad values stop the start with a clear message."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_check(settings_module: str, **env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}}
    clean.update(env, DJANGO_SETTINGS_MODULE=settings_module)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_check("portal.settings.production", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_starts_with_a_secret_key():
    result = run_check(
        "portal.settings.production", DEBUG="0", SECRET_KEY="x" * 50, ALLOWED_HOSTS="portal.example"
    )
    assert result.returncode == 0, result.stderr


def test_development_has_a_key_while_debug_is_on():
    result = run_check("portal.settings.dev")
    assert result.returncode == 0, result.stderr


def test_a_malformed_debug_value_is_named():
    result = run_check("portal.settings.production", DEBUG="perhaps", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "DEBUG='perhaps' is not a boolean" in result.stderr


def test_an_unknown_database_url_is_named():
    result = run_check("portal.settings.dev", DATABASE_URL="nosuchdb://somewhere/db")
    assert result.returncode != 0
    assert "DATABASE_URL='nosuchdb://somewhere/db' is not a valid database URL" in result.stderr


def test_language_and_time_zone(settings):
    assert settings.LANGUAGE_CODE == "nl-be"
    assert settings.TIME_ZONE == "Europe/Brussels"


def test_links_in_workflow_mails_follow_the_environment_and_deploy_check_warns_on_localhost():
    from django.test import override_settings

    from portal.checks import base_url_is_public, contact_address_is_public

    with override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000"):
        assert [w.id for w in base_url_is_public()] == ["portal.W001"]
    with override_settings(WAGTAILADMIN_BASE_URL="https://www.leerkracht.net"):
        assert base_url_is_public() == []
    with override_settings(DEFAULT_FROM_EMAIL="redactie@localhost"):
        assert [w.id for w in contact_address_is_public()] == ["portal.W002"]
    with override_settings(DEFAULT_FROM_EMAIL="Redactie <redactie@leerkracht.net>"):
        assert contact_address_is_public() == []
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; from django.conf import settings; django.setup();"
            " print(settings.WAGTAILADMIN_BASE_URL)",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "WAGTAILADMIN_BASE_URL": "https://redactie.example.be",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip().endswith("https://redactie.example.be"), result.stderr
    makefile = (ROOT / "Makefile").read_text()
    assert "export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)" in makefile
