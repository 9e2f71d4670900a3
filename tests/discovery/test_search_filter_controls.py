"""The search page's filter controls: a long facet folds after six values but never hides a ticked
one, and the phones' "Filters (n)" control counts the ticked and the interpreted filters."""

import pytest

from discovery.presenters import FacetOption, _folded
from search.indexing import rebuild
from tests import factories


def options(how_many: int, ticked=()) -> list[FacetOption]:
    return [FacetOption(str(i), f"Waarde {i}", 1, i in ticked, "") for i in range(1, how_many + 1)]


def test_a_long_facet_shows_six_values_and_every_ticked_one():
    shown, more = _folded(options(22, ticked={9}))
    assert [o.value for o in shown] == ["1", "2", "3", "4", "5", "6", "9"]
    assert [o.value for o in more] == ["7", "8"] + [str(i) for i in range(10, 23)]
    assert _folded(options(7)) == (options(7), [])  # the button would take the seventh line anyway


@pytest.mark.django_db
def test_the_filters_control_counts_ticked_and_interpreted_filters(client, site_tree):
    factories.action("Gratis webinar over programmeren", cost="gratis")
    rebuild()
    html = client.get("/zoeken/", {"type": "actie"}).content.decode()
    assert 'href="#filters-titel">Filters (1)</a>' in html
    assert "toon alle" not in html  # short facets stay whole
    html = client.get("/zoeken/", {"q": "gratis programmeren", "type": "actie"}).content.decode()
    assert "Uit je zoekvraag begrepen" in html  # "gratis" became a filter, counted with the ticked one
    assert ">Filters (2)</a>" in html
