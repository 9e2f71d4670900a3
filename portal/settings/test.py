"""The test suite: DEBUG off like production, a fixed key, fast password hashing."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")

from .base import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Pages change under a developer's (or a test's) hands; tests/operations/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = PAGE_CACHE_QUERY_SECONDS = 0
# Wagtail's own index (the admin's page search, the API's ?search=) is not kept up to date on every
# save: indexing each saved page costs the suite minutes. Tests that read it use the
# `wagtail_search_index` fixture (tests/conftest.py), which turns it back on.
WAGTAILSEARCH_BACKENDS = {
    "default": {**WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": False},  # noqa: F405
}
