"""The search engine behind one door.

    from search import search, SearchParams
    result = search(SearchParams(q="coderen", filters={"type": ("actie",)}))

What the rest of the site may call is listed in `search.interface` and reached here: search(),
suggest(), crosstab(), documents(), index(), remove(), rebuild(), the params and result types and the
facet vocabulary. Everything else in this package (analysis, interpretation, storage, ranking,
indexing, backends, models) is the engine's own; an import-linter contract keeps other apps out.
"""

import importlib

_DOOR = "search.interface"


def __getattr__(name: str):
    # Django imports this package before its models are ready, so the door (which reaches the
    # models) is imported on first use, not here.
    door = importlib.import_module(_DOOR)
    if name in door.__all__:
        return getattr(door, name)
    raise AttributeError(f"module 'search' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(importlib.import_module(_DOOR).__all__)
