"""SearchParams(facets=False): the same hits and total, without the (costly) facet counts."""

from dataclasses import replace

import pytest

from search.params import SearchParams
from search.service import search
from tests import factories

pytestmark = pytest.mark.django_db


def test_same_hits_and_total_without_facet_counts(site_tree):
    factories.action("Programmeren met robots")
    factories.action("Mediawijsheid")
    factories.actor("Een organisatie")
    params = SearchParams(filters={"type": ("actie",), "digcompedu": ("2.1",)}, sort="titel")
    full = search(params)
    lean = search(replace(params, facets=False))
    assert [hit.id for hit in lean.hits] == [hit.id for hit in full.hits] and lean.total == full.total == 2
    assert full.facets["niveau"] and lean.facets == {}
    assert lean.hits[0].values["niveau"] == ["A1", "A2"] and lean.hits[0].values["status"] == ["afgelopen"]
    assert lean.hits[0].values["vorm"] == ["webinar"] and lean.hits[0].values["gratis"] == ["ja"]
