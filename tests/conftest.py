import os

import pytest

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
def inventory(db):
    """The real inventory, loaded into the test database."""
    from inventory.loader import load_inventory

    return load_inventory()
