import os

import pytest

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
    """Wagtail's own index (the admin's page search) kept up to date on every save, as in production.
    The test settings turn that off, since no other test reads it."""
    backends = settings.WAGTAILSEARCH_BACKENDS
    settings.WAGTAILSEARCH_BACKENDS = {
        name: {**params, "AUTO_UPDATE": True} for name, params in backends.items()
    }


# The real inventory -------------------------------------------------------------------------------------
#
# Loading it takes many seconds, so it is loaded once for all the tests that ask for it: the tests that
# use the `inventory` fixture run one after the other (pytest_collection_modifyitems below), inside one
# outer transaction that holds the loaded inventory. Each test runs in a savepoint on top of it (as every
# `db` test does), so what a test changes is rolled back before the next one. After the last of them the
# outer transaction is rolled back too, and the tests that follow see the database without it.


class _InventoryBlock:
    """The outer transaction holding the loaded inventory, open while the inventory tests run."""

    def __init__(self, blocker):
        self.blocker = blocker
        self.atomic = None
        self.report = None

    def open(self):
        from django.db import transaction

        from inventory.loader import load_inventory

        with self.blocker.unblock():
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            self.report = load_inventory()

    def close(self):
        if self.atomic is None:
            return
        from django.db import transaction

        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
        self.atomic = self.report = None


_block: _InventoryBlock | None = None


@pytest.fixture(scope="session")
def _inventory_block(django_db_setup, django_db_blocker):
    """Session-scoped, so it is set up before the test's own transaction (a savepoint inside it)."""
    global _block
    _block = _InventoryBlock(django_db_blocker)
    _block.open()
    yield _block
    _block.close()


@pytest.fixture
def inventory(_inventory_block, db):
    """The real inventory, loaded into the test database (once for every test that uses it)."""
    if _inventory_block.report is not None:
        return _inventory_block.report
    # This test runs apart from the others (an unusual selection or order): it loads its own copy.
    from inventory.loader import load_inventory

    return load_inventory()


def _uses_inventory(item) -> bool:
    return "inventory" in getattr(item, "fixturenames", ())


def _run_inventory_tests_together(items):
    """Run the tests that use the inventory one after the other, where the first of them stood (after
    pytest-django's ordering, so among the tests that roll back rather than flush)."""
    users = [item for item in items if _uses_inventory(item)]
    if not users:
        return
    first = items.index(users[0])
    others = [item for item in items if not _uses_inventory(item)]
    items[:] = others[:first] + users + others[first:]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    if _block is not None and _uses_inventory(item) and not (nextitem and _uses_inventory(nextitem)):
        _block.close()


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
    _run_inventory_tests_together(items)
