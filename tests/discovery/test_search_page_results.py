"""What the search page shows with its hits: a fiche's source code as a small line only, and no feed,
export or embed to reuse when nothing was found."""

import pytest

from search.indexing import rebuild
from tests import factories

pytestmark = pytest.mark.django_db


def test_search_hits_show_the_source_code_only_as_a_small_line(client, site_tree):
    factories.action("Programmeren met robots")
    rebuild()
    html = client.get("/zoeken/", {"q": "robots"}).content.decode()
    hit = html.split('<li class="hit">')[1]
    assert "B.6.14" not in hit.split("<h3>")[0]  # not the first thing on the hit
    assert '<p class="hit-source">Bron: analyserapport, B.6.14</p>' in hit


def test_a_search_without_results_offers_no_feed_export_or_embed(client, site_tree):
    html = client.get("/zoeken/", {"q": "onvindbaarwoord"}).content.decode()
    assert "We vonden niets" in html
    assert "format=csv" not in html and "embed-code" not in html and "zoeken/feed/" not in html
    factories.action("Iets te vinden")
    rebuild()
    html = client.get("/zoeken/", {"q": "vinden"}).content.decode()
    assert "format=csv" in html and "format=ics" in html


def test_a_partial_hit_folded_into_its_organisations_twin_is_not_counted_as_one_more(client, site_tree):
    # the actor holds both words, its partner group only one: one hit, with a link to the other
    factories.actor("Zwerfkei", summary="Zwerfkei vaart met de kajak.")
    factories.partner_group("Zwerfkei", summary="Over zwerfkeien in het algemeen.")
    factories.action("Kajak in zee", summary="Kajakken voor gevorderden.")
    rebuild()
    html = client.get("/zoeken/", {"q": "zwerfkei kajak"}).content.decode()
    assert html.count('<li class="hit') == 2
    assert "1 fiche met alle woorden, aangevuld met 1 fiche met een deel ervan" in html
