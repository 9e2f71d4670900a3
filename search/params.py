"""A request's query string -> validated SearchParams. Unknown values are ignored and reported."""

from dataclasses import dataclass, field, replace

from .facets import FACETS, FACETS_BY_NAME, vocabulary
from .text import MAX_QUERY_LENGTH, clean_query

SORTS = {"relevantie": "Relevantie", "titel": "Titel (A-Z)", "nieuw": "Nieuwste eerst"}
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_PAGE = 10_000


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)  # facet -> selected values
    sort: str = "relevantie"
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    ignored: tuple[str, ...] = ()  # what the request asked for that we did not understand
    query_was_cut: bool = False
    facets: bool = True  # False: hits and total only, for callers that show no facet counts
    # True (the search page and /api/zoeken/): correct spelling, take facet words as filters, expand
    # synonyms and compounds, fall back to the best partial matches. False (feeds, exports, the
    # agenda, internal callers): the words as typed, so a subscription never fills with guesses.
    interpret: bool = False
    literal_asked: bool = False  # the request said interpret=0: its links keep saying so
    concepts: bool = True  # False (concept=0): no "Gezocht binnen" boost, the chip was removed

    def without(self, facet: str, value: str | None = None) -> "SearchParams":
        """These params minus one filter value (or the whole facet): for removable chips."""
        filters = dict(self.filters)
        if value is None:
            filters.pop(facet, None)
        else:
            remaining = tuple(v for v in filters.get(facet, ()) if v != value)
            if remaining:
                filters[facet] = remaining
            else:
                filters.pop(facet, None)
        return replace(self, filters=filters, page=1)

    def with_filter(self, facet: str, value: str) -> "SearchParams":
        filters = dict(self.filters)
        filters[facet] = tuple(dict.fromkeys((*filters.get(facet, ()), value)))
        return replace(self, filters=filters, page=1)

    def with_page(self, page: int) -> "SearchParams":
        return replace(self, page=page)

    def is_selected(self, facet: str, value: str) -> bool:
        return value in self.filters.get(facet, ())

    def query_items(self, include_page: bool = True) -> list[tuple[str, str]]:
        """The params as (name, value) pairs for a URL; the inverse of `parse`."""
        items = [("q", self.q)] if self.q else []
        for facet in FACETS:
            items += [(facet.name, value) for value in self.filters.get(facet.name, ())]
        if self.sort != "relevantie":
            items.append(("sort", self.sort))
        if include_page and self.page != 1:
            items.append(("pagina", str(self.page)))
        if self.literal_asked:
            items.append(("interpret", "0"))
        if not self.concepts:
            items.append(("concept", "0"))
        return items


def parse(query_dict, *, allow_page_size: bool = False, interpret: bool = False) -> SearchParams:
    """Validate a QueryDict (or any mapping with getlist). Never raises: bad parts are ignored.

    `interpret`: whether this surface interprets queries; the request can switch it off with
    `interpret=0`."""
    ignored: list[str] = []
    raw_q = query_dict.get("q", "") or ""
    q = clean_query(raw_q)
    known = vocabulary()
    filters: dict[str, tuple[str, ...]] = {}
    for facet in FACETS:
        values = []
        for raw in query_dict.getlist(facet.name):
            for value in str(raw).split(","):
                value = value.strip()
                if not value:
                    continue
                if value in known[facet.name]:
                    values.append(value)
                elif value in dict(facet.aliases):
                    values += dict(facet.aliases)[value]
                else:
                    ignored.append(f"{facet.name}={value[:50]}")
        if values:
            filters[facet.name] = tuple(dict.fromkeys(values))
    sort = query_dict.get("sort", "relevantie") or "relevantie"
    if sort not in SORTS:
        ignored.append(f"sort={sort[:50]}")
        sort = "relevantie"
    page = _positive_int(query_dict.get("pagina") or query_dict.get("page"), 1, MAX_PAGE, "pagina", ignored)
    page_size = DEFAULT_PAGE_SIZE
    if allow_page_size and query_dict.get("page_size"):
        page_size = _positive_int(
            query_dict.get("page_size"), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, "page_size", ignored
        )
    literal_asked = str(query_dict.get("interpret", "1")).strip().lower() in ("0", "false", "nee", "no")
    if literal_asked:
        interpret = False
    concepts = str(query_dict.get("concept", "1")).strip().lower() not in ("0", "false", "nee", "no", "uit")
    known_names = {
        "q",
        "sort",
        "pagina",
        "page",
        "page_size",
        "format",
        "interpret",
        "concept",
        *FACETS_BY_NAME,
    }
    ignored += [f"{name}" for name in query_dict.keys() if name not in known_names]
    return SearchParams(
        q=q,
        filters=filters,
        sort=sort,
        page=page,
        page_size=page_size,
        ignored=tuple(ignored),
        query_was_cut=len(" ".join(raw_q.split())) > MAX_QUERY_LENGTH,
        interpret=interpret,
        literal_asked=literal_asked,
        concepts=concepts,
    )


def _positive_int(raw, default: int, maximum: int, name: str, ignored: list[str]) -> int:
    if raw in (None, ""):
        return default
    try:
        value = int(str(raw).strip())
    except ValueError:
        ignored.append(f"{name}={str(raw)[:50]}")
        return default
    if value < 1:
        ignored.append(f"{name}={value}")
        return default
    return min(value, maximum)
