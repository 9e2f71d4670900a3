"""Searching the portal's offers from inside the goal form.

The text is searched literally, as typed, through the one search service (like the self-assessment
recommendations do); calling the service directly keeps these searches out of the public search
statistics, so what a school plans is never counted."""

from search import SearchHit, SearchParams, clean_query
from search import search as search_service

RESULTS = 10


def search_offers(text: str, search=search_service) -> list[SearchHit]:
    query = clean_query(text)
    if not query:
        return []
    params = SearchParams(q=query, filters={"type": ("actie",)}, page_size=RESULTS, facets=False)
    return search(params).hits
