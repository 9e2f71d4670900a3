"""The portal as deployed: gunicorn with the production settings on loopback, a database shared by
several processes. Slow to set up (a fresh database), so one site serves every test here."""

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.servers import Server, manage, prepare_site, production_env, shell


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return prepare_site(tmp_path_factory.mktemp("production"))


@pytest.fixture(scope="module")
def server(site):
    server = Server(site, workers=2)
    yield server
    server.stop()


def test_gunicorn_refuses_to_start_without_collected_static_files(tmp_path):
    env = production_env(tmp_path)
    with pytest.raises(RuntimeError, match="collectstatic"):
        Server(env)


def test_pages_static_files_and_health_checks(server):
    for path in ["/", "/aanbod/", "/zoeken/?q=robotica", "/api/zoeken/?q=robotica", "/api/v2/fiches/"]:
        status, _, body = server.get(path)
        assert status == 200, path
    status, _, home = server.get("/")
    css = home.split('rel="stylesheet" href="')[1].split('"')[0]
    assert css.startswith("/static/portal/site.") and css != "/static/portal/site.css"  # hashed name
    status, headers, _ = server.get(css)
    assert status == 200 and "max-age" in headers["Cache-Control"]
    status, _, body = server.get("/healthz")
    assert status == 200 and json.loads(body) == {"status": "ok"}
    status, _, body = server.get("/readyz")
    ready = json.loads(body)
    assert status == 200 and ready["status"] == "warning"  # two workers, each its own cache
    states = {name: check["status"] for name, check in ready["checks"].items()}
    assert states == {"database": "ok", "cache": "ok", "search": "ok", "shared_cache": "warning"}
    assert ready["checks"]["search"]["backend"] == "database"


def test_https_redirect_hsts_and_security_headers(server):
    status, headers, _ = server.get("/aanbod/", https=False)
    assert status == 301 and headers["Location"].startswith("https://")
    status, headers, _ = server.get("/aanbod/")
    assert status == 200
    assert "max-age=31536000" in headers["Strict-Transport-Security"]
    assert headers["X-Frame-Options"] == "DENY"
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_readyz_warns_about_a_cache_per_worker(server):
    status, _, body = server.get("/readyz")
    check = json.loads(body)["checks"]["shared_cache"]
    assert status == 200 and check["status"] == "warning" and "REDIS_URL" in check["message"]


def test_an_unpublish_is_seen_at_once_by_every_server_process(site):
    # Each process keeps the page cache's version in its own cache for PAGE_CACHE_VERSION_SECONDS
    # (production shares it through Redis, where a publish drops it at once); at 0 every hit reads the
    # version the publish wrote in the database, which is what this checks across processes.
    exact = dict(site, PAGE_CACHE_VERSION_SECONDS="0")
    first, second = Server(exact), Server(exact)
    try:
        for server in (first, second):  # both have the listing in their own (local-memory) cache now
            assert "Codeerclub in productie" in server.get("/api/zoeken/?type=actie")[2]
            assert "Codeerclub in productie" in server.get("/api/zoeken/?type=actie")[2]
        shell(
            site,
            "from actors.models import ActionPage; "
            "ActionPage.objects.get(title='Codeerclub in productie').unpublish()",
        )
        for server in (first, second):
            assert "Codeerclub in productie" not in server.get("/api/zoeken/?type=actie")[2]
    finally:
        first.stop()
        second.stop()
        shell(
            site,
            "from actors.models import ActionPage; "
            "ActionPage.objects.get(title='Codeerclub in productie').save_revision().publish()",
        )


COUNTS_CODE = (
    "from wagtail.contrib.search_promotions.models import Query; "
    "from editorial.models import ZeroResultQuery; from django.db.models import Sum; "
    "print(Query.get('{found}').hits, Query.get('{missing}').hits, "
    "ZeroResultQuery.objects.filter(query_string='{missing}').aggregate(n=Sum('hits'))['n'] or 0)"
)


def test_concurrent_searches_are_all_counted(server, site):
    """SQLite, two workers of four threads, sixteen clients at once: no count is lost."""
    found, missing, rounds = "codeerclub", "onvindbaarwoord", 40

    def counts():
        return [int(n) for n in shell(site, COUNTS_CODE.format(found=found, missing=missing)).split()]

    before = counts()
    paths = [f"/api/zoeken/?q={found}", f"/zoeken/?q={missing}"] * rounds
    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(lambda path: server.get(path)[0], paths))
    assert set(statuses) == {200}
    assert [after - earlier for after, earlier in zip(counts(), before, strict=True)] == [rounds] * 3


TRUST_FACTS_CODE = """
from wagtail.models import Site
from portal.trust_settings import TrustSettings
trust = TrustSettings.for_site(Site.objects.get(is_default_site=True))
trust.address = "Schoolstraat 1, 1000 Brussel"
trust.contact_email = "redactie@leerkracht.net"
trust.save()
"""


def test_check_deploy_prints_no_warning(site):
    # A real install sets its public address and the editors' mail address (portal.W001, W002) and
    # fills in the organisation's facts for the contact and privacy pages (portal.W003).
    configured = dict(
        site, WAGTAILADMIN_BASE_URL="https://www.leerkracht.net", DEFAULT_FROM_EMAIL="redactie@leerkracht.net"
    )
    shell(configured, TRUST_FACTS_CODE)
    result = manage(configured, "check", "--deploy", "--fail-level", "WARNING", check=False)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_backup_and_restore_round_trip_on_sqlite(site, tmp_path):
    media = tmp_path.parent / "media-backup-test"
    env = dict(site, MEDIA_ROOT=str(media))
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "verslag.txt").write_text("bewaard", encoding="utf-8")
    count = "from actors.models import ActionPage; print(ActionPage.objects.filter(title='Robotica in productie').count())"
    assert shell(env, count).strip() == "1"
    manage(env, "backup", str(tmp_path / "backup"))
    shell(
        env,
        "from actors.models import ActionPage; ActionPage.objects.get(title='Robotica in productie').delete()",
    )
    (media / "documents" / "verslag.txt").unlink()
    assert shell(env, count).strip() == "0"
    result = manage(env, "restore", str(tmp_path / "backup"), "--noinput")
    assert "Teruggezet" in result.stdout
    assert shell(env, count).strip() == "1"
    assert (media / "documents" / "verslag.txt").read_text(encoding="utf-8") == "bewaard"
