"""Tags are shown on a fiche as words, not as the slugs the inventory writes."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_a_fiche_shows_its_tags_as_words(client, site_tree):
    page = factories.action("Leren programmeren")
    page.tags.set(["computationeel-denken", "school-of-the-future"])
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    trefwoorden = html.split("<dt>Trefwoorden</dt>")[1].split("</dd>")[0]
    assert "<li>computationeel denken</li>" in trefwoorden and "<li>school of the future</li>" in trefwoorden
    assert "computationeel-denken" not in trefwoorden
