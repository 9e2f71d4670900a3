"""Every public page type renders with a small number of SQL queries that does not grow with the
data: measured on the real inventory and again after 1,000 more (synthetic) fiches, so an N+1 fails
here. The page cache is off (as in every test), so these are the queries of a real render, with the
caches a live site has warm (site root, browse answers, the spelling vocabulary)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actors.models import ActionPage, ActorPage, PartnerGroupPage
from goodpractices.models import GoodPracticePage

# The most queries each page may take; a fiche is mostly Wagtail's routing (site, one page per
# level), the view restrictions (once, portal.public), its taxonomies and tags (one query) and the
# content version; its lists of related pages are kept per content version (search.cache.per_page).
MAX_QUERIES = {
    "action": 10,  # + its sessions
    "actor": 9,
    "partner group": 9,
    "good practice": 10,
    "home": 5,
    "section": 9,  # a results list: + the offers' organisers (2) and next sessions (1), as "search"
    "search": 11,  # + the offers' organisers (2: the actors and the privacy restrictions) and next
    # sessions (1); the facet values every result card shows come with the page of hits
    "search API": 8,
    "area": 7,
    "pillar": 6,
    "landscape": 5,
    "swot": 2,
    "agenda": 1,
    "sitemap": 1,
}
# With an empty cache (a restarted Redis: colder than after a publish, which keeps the vocabulary).
MAX_COLD_QUERIES = {"home": 10, "landscape": 7}


def public_urls() -> dict[str, str]:
    def fiche(model, **filters):
        return model.objects.live().filter(**filters).order_by("pk").first().url

    return {
        "action": fiche(ActionPage, organisers__isnull=False),
        "actor": fiche(ActorPage),
        "partner group": fiche(PartnerGroupPage),
        "good practice": fiche(GoodPracticePage),
        "home": "/",
        "section": "/aanbod/",
        "search": "/zoeken/?q=programmeren&digcompedu=2",
        "search API": "/api/zoeken/?q=media",
        "area": "/digcompedu/2/",
        "pillar": "/pijlers/aanbod/",
        "landscape": "/landschap/",
        "swot": "/landschap/swot/",
        "agenda": "/agenda/",
        "sitemap": "/sitemap-fiches.xml",
    }


def warm_queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200, url
    return len(context.captured_queries)


def counts(client, urls) -> dict[str, int]:
    return {name: warm_queries(client, url) for name, url in urls.items()}


def cold_queries(client, url: str) -> int:
    from django.core.cache import cache

    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.slow
def test_public_pages_take_few_queries_and_as_many_at_1000_more_fiches(client, inventory):
    from bench.synthetic import create_fiches
    from search.indexing import rebuild

    urls = public_urls()
    at_inventory = counts(client, urls)
    assert {name: n for name, n in at_inventory.items() if n > MAX_QUERIES[name]} == {}
    cold = {name: cold_queries(client, urls[name]) for name in MAX_COLD_QUERIES}
    print(at_inventory, cold)
    assert {name: n for name, n in cold.items() if n > MAX_COLD_QUERIES[name]} == {}
    create_fiches(1000, progress=lambda line: None)
    rebuild()
    assert counts(client, urls) == at_inventory
    assert {name: cold_queries(client, urls[name]) for name in MAX_COLD_QUERIES} == cold
