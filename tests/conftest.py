import os

import pytest

from tests.shared_data import BLOCKS, SharedData
from tests.vnu import vnu  # noqa: F401  (the Nu Html Checker fixture, for every HTML-validity test)

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls in that same thread
# (fixtures creating pages) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: cached search answers must not leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_tree(db):
    from portal.site_tree import ensure_site_tree

    return ensure_site_tree()


@pytest.fixture
def wagtail_search_index(settings):
    """Wagtail's own index kept up to date on every save, as in production: the admin's page search and
    the API's `?search=` read it. The test settings turn that off for the tests that read neither."""
    backends = settings.WAGTAILSEARCH_BACKENDS
    settings.WAGTAILSEARCH_BACKENDS = {
        name: {**params, "AUTO_UPDATE": True} for name, params in backends.items()
    }


# The real inventory, loaded once for all the tests that use it (tests/shared_data.py) -----------------


def _load_inventory():
    from inventory.loader import load_inventory

    return load_inventory()


_inventory = SharedData("inventory", _load_inventory)


@pytest.fixture(scope="session")
def _inventory_block(django_db_setup, django_db_blocker):
    yield from _inventory.session(django_db_blocker)


@pytest.fixture
def inventory(_inventory_block, db):
    """The real inventory, loaded into the test database (once for every test that uses it)."""
    return _inventory.get()


def _run_shared_data_users_together(items):
    """Run the tests that use one block of shared data one after the other, where the first of them
    stood (after pytest-django's ordering, so among the tests that roll back rather than flush)."""
    for block in BLOCKS.values():
        users = [item for item in items if block.used_by(item)]
        if not users:
            continue
        first = items.index(users[0])
        others = [item for item in items if not block.used_by(item)]
        items[:] = others[:first] + users + others[first:]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    for block in BLOCKS.values():
        if block.is_open and not (nextitem and block.used_by(nextitem)):
            block.close()


# Tiers ---------------------------------------------------------------------------------------------------
#
# `pytest --engine-tier` (CI's PostgreSQL pass: `make test ARGS=--engine-tier`) runs only the tests whose
# outcome can depend on the database engine. It leaves out what the SQLite pass has already shown:
# tests that touch no database, Chromium journeys (`browser`) and checks marked `engine_independent`
# (HTML validity, deploy files, subprocesses that set up their own SQLite database).

DB_FIXTURES = {
    "db",
    "transactional_db",
    "live_server",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
}


def pytest_addoption(parser):
    parser.addoption(
        "--engine-tier",
        action="store_true",
        help="run only the tests that depend on the database engine (CI's PostgreSQL pass)",
    )


def _depends_on_engine(item) -> bool:
    if item.get_closest_marker("browser") or item.get_closest_marker("engine_independent"):
        return False
    return bool(item.get_closest_marker("django_db")) or bool(DB_FIXTURES & set(item.fixturenames))


def _select_tier(config, items):
    if not config.getoption("engine_tier"):
        return
    deselected = [item for item in items if not _depends_on_engine(item)]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if _depends_on_engine(item)]


@pytest.hookimpl(trylast=True)  # after pytest-django's ordering (rolled-back tests before flushed ones)
def pytest_collection_modifyitems(config, items):
    _select_tier(config, items)
    _run_shared_data_users_together(items)
