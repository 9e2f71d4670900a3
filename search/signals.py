"""What the search tells the apps above it, without knowing them.

`search_performed` is sent after every public search (the page and the JSON API) with the query as
typed and the number of hits; the editorial app counts them for its reports.
"""

from django.dispatch import Signal

search_performed = Signal()  # keyword arguments: query (str), total (int)


def announce_search(query: str, total: int) -> None:
    search_performed.send(sender=announce_search, query=query, total=total)
