"""Local development: DEBUG on unless the environment says otherwise."""

import os

os.environ.setdefault("DEBUG", "1")

from .base import *  # noqa: E402,F403

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Pages change under a developer's (or a test's) hands; tests/operations/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = PAGE_CACHE_QUERY_SECONDS = 0
