"""The deployment files hold together (no Docker engine runs in CI, so they are read, not run):
gunicorn's configuration loads the production application, compose has health checks and the
optional search engine profile, the image runs as a non-root user with a health check, and both
set-ups run `refresh_action_status` daily."""

import configparser
import shutil
import subprocess
from pathlib import Path

import yaml

from tests.servers import GUNICORN, ROOT, production_env


def test_gunicorn_config_loads_the_production_application(tmp_path):
    result = subprocess.run(
        [str(GUNICORN), "--check-config", "-c", "deploy/gunicorn.conf.py"],
        cwd=ROOT,
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_compose_has_health_checks_and_an_optional_search_engine():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    assert {"portal", "db", "redis", "elasticsearch"} <= set(services)
    for name, service in services.items():
        assert "healthcheck" in service, name
    assert services["elasticsearch"]["profiles"] == ["elasticsearch"]
    assert "profiles" not in services["portal"]
    assert services["portal"]["depends_on"] == {
        "db": {"condition": "service_healthy"},
        "redis": {"condition": "service_healthy"},
    }
    environment = services["portal"]["environment"]
    assert environment["DATABASE_URL"].startswith("postgres://") and environment["REDIS_URL"]
    assert "readyz" in " ".join(services["portal"]["healthcheck"]["test"])


def test_the_image_runs_gunicorn_as_a_non_root_user_with_a_health_check():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "HEALTHCHECK" in dockerfile and "/healthz" in dockerfile
    assert "\nUSER portal\n" in dockerfile
    assert "collectstatic" in dockerfile
    assert 'CMD ["gunicorn", "-c", "deploy/gunicorn.conf.py"]' in dockerfile
    assert (ROOT / "deploy" / "entrypoint.sh").stat().st_mode & 0o111


def test_make_serve_collects_static_files_and_runs_gunicorn():
    plan = subprocess.run(
        ["make", "-n", "serve"], cwd=ROOT, capture_output=True, text=True, timeout=60
    ).stdout
    assert "portal.settings.production" in plan
    assert plan.index("collectstatic") < plan.index("gunicorn -c deploy/gunicorn.conf.py")


def test_the_systemd_unit_runs_the_same_server():
    unit = (ROOT / "deploy" / "leerkracht-portal.service").read_text(encoding="utf-8")
    assert "gunicorn -c deploy/gunicorn.conf.py" in unit and "collectstatic" in unit
    assert Path(ROOT / "deploy" / "gunicorn.conf.py").is_file()


def _unit(name: str) -> configparser.ConfigParser:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # systemd keys are case-sensitive
    unit.read_string((ROOT / "deploy" / name).read_text(encoding="utf-8"))
    return unit


def test_a_systemd_timer_refreshes_the_action_status_daily_as_the_portal_does():
    portal, job, timer = (
        _unit(f"leerkracht-{name}")
        for name in ("portal.service", "refresh-status.service", "refresh-status.timer")
    )
    assert job["Service"]["Type"] == "oneshot"
    # One node of several runs it: the first to claim the day (operations run_once).
    assert job["Service"]["ExecStart"].endswith(
        "python manage.py run_once --every 72000 refresh_action_status"
    )
    assert job["Service"]["ExecStart"].startswith(portal["Service"]["ExecStartPre"].split()[0])
    for key in ("User", "WorkingDirectory", "EnvironmentFile", "Environment"):
        assert job["Service"][key] == portal["Service"][key], key
    assert timer["Timer"]["Unit"] == "leerkracht-refresh-status.service"
    assert timer["Timer"]["Persistent"] == "true"
    assert timer["Install"]["WantedBy"] == "timers.target"
    on_calendar = timer["Timer"]["OnCalendar"]
    assert on_calendar.startswith("*-*-* ")  # every day
    if shutil.which("systemd-analyze"):
        check = subprocess.run(["systemd-analyze", "calendar", on_calendar], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr


def test_compose_refreshes_the_action_status_daily_with_the_portals_settings():
    services = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))["services"]
    scheduler, portal = services["scheduler"], services["portal"]
    assert scheduler["image"] == portal["image"] and scheduler["pull_policy"] == "never"
    loop = scheduler["command"][-1]
    assert scheduler["command"][:2] == ["sh", "-c"]
    assert "manage.py refresh_action_status" in loop and "sleep 86400" in loop
    assert subprocess.run(["sh", "-n", "-c", loop]).returncode == 0  # valid shell
    assert scheduler["environment"] == {**portal["environment"], "MIGRATE_ON_START": "0"}
    assert scheduler["depends_on"] == {"portal": {"condition": "service_healthy"}}
    assert "/tmp/refreshed" in " ".join(scheduler["healthcheck"]["test"])


def test_the_providers_feeds_are_harvested_daily_by_systemd_and_compose():
    portal, job, timer = (
        _unit(f"leerkracht-{name}") for name in ("portal.service", "harvest.service", "harvest.timer")
    )
    assert job["Service"]["Type"] == "oneshot"
    assert job["Service"]["ExecStart"].endswith("python manage.py run_once --every 72000 harvest")
    for key in ("User", "WorkingDirectory", "EnvironmentFile", "Environment"):
        assert job["Service"][key] == portal["Service"][key], key
    assert timer["Timer"]["Unit"] == "leerkracht-harvest.service" and timer["Timer"]["Persistent"] == "true"
    assert timer["Timer"]["OnCalendar"].startswith("*-*-* ")
    services = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))["services"]
    loop = services["scheduler"]["command"][-1]
    assert "manage.py harvest ||" in loop  # a failing source never stops the status refresh
    assert subprocess.run(["sh", "-n", "-c", loop]).returncode == 0


def test_providers_are_asked_daily_by_systemd_and_compose():
    portal, job, timer = (
        _unit(f"leerkracht-{name}")
        for name in ("portal.service", "ask-providers.service", "ask-providers.timer")
    )
    assert job["Service"]["Type"] == "oneshot"
    assert job["Service"]["ExecStart"].endswith("python manage.py run_once --every 72000 ask_providers")
    for key in ("User", "WorkingDirectory", "EnvironmentFile", "Environment"):
        assert job["Service"][key] == portal["Service"][key], key
    assert (
        timer["Timer"]["Unit"] == "leerkracht-ask-providers.service"
        and timer["Timer"]["Persistent"] == "true"
    )
    services = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))["services"]
    loop = services["scheduler"]["command"][-1]
    assert "manage.py ask_providers ||" in loop  # a failure never stops the status refresh
    assert subprocess.run(["sh", "-n", "-c", loop]).returncode == 0
