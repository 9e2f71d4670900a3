"""The deployment files hold together (no Docker engine runs in CI, so they are read, not run):
gunicorn's configuration loads the production application, compose has health checks and the
optional search engine profile, the image runs as a non-root user with a health check."""

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
