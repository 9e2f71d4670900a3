"""A fiche's dates: "Laatst bijgewerkt" is the last published content change, and a fiche loaded from the
report says where it comes from (not its load date) until it is reviewed."""

import datetime

import pytest
from django.utils import timezone

from actors.models import ActionPage
from editorial.review import mark_reviewed
from tests import factories

pytestmark = pytest.mark.django_db
PROVENANCE = 'Bron: analyserapport 2020 (<time datetime="2020-04-03">3 april 2020</time>), nog niet herzien'


def test_a_loaded_report_fiche_shows_its_source_not_its_load_date(client, inventory):
    page = ActionPage.objects.get(slug="cybersimpel")
    assert page.last_reviewed == datetime.date(2020, 4, 3)
    html = client.get(page.url).content.decode()
    assert PROVENANCE in html
    assert "Laatst bijgewerkt op" not in html and "Laatst nagekeken op" not in html

    page.summary = "Een nieuwe samenvatting, door een redacteur."
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Laatst bijgewerkt op" in html and PROVENANCE in html  # changed, but not yet reviewed

    mark_reviewed([page])
    html = client.get(page.url).content.decode()
    assert PROVENANCE not in html and "Laatst nagekeken op" in html


def test_republishing_without_a_content_change_keeps_the_update_date(site_tree):
    page = factories.action("Ongewijzigd")
    first = ActionPage.objects.get(pk=page.pk).content_updated_at
    assert first is not None
    ActionPage.objects.filter(pk=page.pk).update(
        content_updated_at=datetime.datetime(2023, 1, 2, tzinfo=datetime.UTC)
    )
    page = ActionPage.objects.get(pk=page.pk)
    mark_reviewed([page], today=datetime.date(2025, 1, 1))  # republishes with only a new review date
    page.refresh_from_db()
    assert page.content_updated_at == datetime.datetime(2023, 1, 2, tzinfo=datetime.UTC)
    page.title = "Gewijzigd"
    page.save_revision().publish()
    page.refresh_from_db()
    assert timezone.localdate(page.content_updated_at) == timezone.localdate()  # both in Brussels time
