"""The good practices live at /goede-praktijken/; the old /good-practices/ path redirects permanently
(sub-paths and query string kept), and an existing install is moved by a data migration."""

import importlib

import pytest
from django.apps import apps

from goodpractices.models import GoodPracticeIndexPage, GoodPracticePage
from tests import factories

pytestmark = pytest.mark.django_db

migration = importlib.import_module("goodpractices.migrations.0005_dutch_index_slug")


def test_the_section_has_a_dutch_path_and_the_old_one_redirects(client, site_tree):
    practice = factories.good_practice("Klasblog met feedback")
    assert practice.url == f"/goede-praktijken/{practice.slug}/"
    assert client.get("/goede-praktijken/").status_code == 200
    assert 'href="/goede-praktijken/"' in client.get("/").content.decode()  # the menu
    for old, new in [
        ("/good-practices/", "/goede-praktijken/"),
        ("/good-practices", "/goede-praktijken/"),
        (f"/good-practices/{practice.slug}/", practice.url),
        ("/good-practices/?q=klas&page=2", "/goede-praktijken/?q=klas&page=2"),
    ]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
    assert practice.url in client.get("/sitemap-fiches.xml").content.decode()


def test_the_migration_moves_an_existing_index_its_fiches_and_its_revisions(site_tree):
    index = GoodPracticeIndexPage.objects.get()
    index.slug = "good-practices"
    index.save()
    index.save_revision()
    practice = factories.good_practice("Oefenen met robots")
    assert practice.url_path.endswith(f"/good-practices/{practice.slug}/")

    migration.rename(apps, None)

    index = GoodPracticeIndexPage.objects.get()
    assert index.slug == "goede-praktijken" and index.url_path.endswith("/goede-praktijken/")
    assert GoodPracticePage.objects.get(pk=practice.pk).url == f"/goede-praktijken/{practice.slug}/"
    index.get_latest_revision().publish()  # an editor publishes the index later: the path stays Dutch
    assert GoodPracticeIndexPage.objects.get().url == "/goede-praktijken/"
