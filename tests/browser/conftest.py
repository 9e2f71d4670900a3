"""Chromium through Playwright, against the portal served by pytest-django's live server."""

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is missing at {CHROMIUM}: .ci/run installs it with apt-get")
        pytest.skip(f"Chromium not found at {CHROMIUM}: browser tests skipped (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="nl-BE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def site_tree(transactional_db):
    """The migrated base data and the page tree, rebuilt after the previous test's flush.

    Transactional tests end with a flush that also empties what migrations created (the root page,
    the taxonomies); serialized rollback cannot restore it reliably here, because Playwright's
    greenlets give Django another connection object than the one the test database was serialized on.
    """
    from tests.factories import site_tree_after_flush

    return site_tree_after_flush()


@pytest.fixture
def self_assessment_questions(site_tree):
    """The self-assessment's questions, which a data migration made and the previous flush emptied."""
    from django.apps import apps

    from selfassessment.instrument_seed import load_questions

    load_questions(apps.get_model)
