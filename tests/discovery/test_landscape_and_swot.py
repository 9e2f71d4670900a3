"""The SWOT and the landscape: one word for the opportunities (old links still land), a copy link per
quadrant, picking two to four groups to compare, and a heat map with a legend in counts or shares."""

import pytest

from search.indexing import rebuild
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_swot_says_kansen_and_old_links_still_land(client, site_tree):
    group = factories.partner_group("Musea")
    html = client.get(group.url).content.decode()
    assert 'id="kansen"' in html and ">Kansen</h3>" in html and "Opportuniteiten" not in html
    assert 'id="opportuniteiten"' in html  # an old #opportuniteiten link lands on the same quadrant
    for key in ("sterkten", "zwakten", "kansen", "bedreigingen"):
        assert f'data-copy="#link-{key}"' in html and f'href="#{key}" id="link-{key}"' in html
    response = client.get("/landschap/swot/", {"kwadrant": "opportuniteiten"})
    assert response.status_code == 301 and response["Location"].endswith("?kwadrant=kansen")


def test_a_visitor_compares_two_to_four_groups(client, site_tree):
    groups = [factories.partner_group(name) for name in ("Musea", "Hogescholen", "Bibliotheken")]
    html = client.get("/landschap/swot/", {"groep": [groups[0].slug, groups[2].slug]}).content.decode()
    assert "Musea</a></h2>" in html and "Bibliotheken</a></h2>" in html and "Hogescholen</a></h2>" not in html
    kansen_link = html.split('href="?kwadrant=kansen')[1].split('"')[0]
    assert f"groep={groups[0].slug}" in kansen_link and f"groep={groups[2].slug}" in kansen_link
    html = client.get("/landschap/swot/", {"groep": [groups[0].slug]}).content.decode()
    assert "Kies minstens 2 partnergroepen" in html and "Hogescholen</a></h2>" in html


def test_picking_five_groups_shows_exactly_those_five(client, site_tree):
    names = ["Musea", "Hogescholen", "Bibliotheken", "Archieven", "Scholen", "Uitgevers", "Centra"]
    groups = [factories.partner_group(name) for name in names]
    html = client.get("/landschap/swot/", {"groep": [g.slug for g in groups[:5]]}).content.decode()
    assert html.count('<section class="swot-card"') == 5 and "Kies minstens" not in html
    assert "Uitgevers</a></h2>" not in html and "Centra</a></h2>" not in html


def test_the_heat_map_has_a_legend_and_shows_counts_or_shares(client, site_tree):
    from actors.landscape import legend

    group = factories.partner_group("Musea")
    actor = factories.actor("Museum", group=group)
    factories.action("Museumles", organisers=[actor])
    rebuild()
    html = client.get("/landschap/").content.decode()
    assert "Legende: aantal fiches per cel" in html and 'href="/landschap/?weergave=aandeel"' in html
    html = client.get("/landschap/", {"weergave": "aandeel"}).content.decode()
    assert "Legende: aandeel van de fiches van de groep" in html
    assert "100%</a>" in html  # every fiche of the group is on DigCompEdu 2 (the factory's area)
    assert "% van haar 3 fiches" in html
    assert legend(8) == [(0, 0, 0), (1, 1, 2), (2, 3, 4), (3, 5, 6), (4, 7, 8)]
