"""What a search answers, whatever the backend: the one results contract."""

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class SearchHit:
    id: int
    type: str
    title: str
    url_path: str
    summary: str
    source: str
    score: float
    highlight: str = ""  # an HTML snippet with <mark>ed matches (escaped)
    published_at: datetime | None = None
    promoted: bool = False  # chosen by the editors for this query
    partial: bool = False  # has only some of the query's words (filling up a short first page)
    missing: list[str] = field(default_factory=list)  # ... and these words, as typed, it lacks
    digcompedu: list[str] = field(default_factory=list)
    pijlers: list[str] = field(default_factory=list)
    values: dict[str, list[str]] = field(default_factory=dict)  # HIT_FACETS' values: what a listing shows


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResult:
    hits: list[SearchHit]
    total: int
    facets: dict[str, list[FacetValue]]
    backend: str
    took_ms: float = 0.0
    suggestion: str = ""  # a spelling to try ("Bedoelde je …?"); never applied by itself
    corrected: str = ""  # the corrected query whose results these are (the original found none)
    corrected_from: str = ""  # ... and the query as typed
    best_effort: bool = False  # no fiche has all words: these match some of them, most first
    partial: int = 0  # fiches listed among the full matches that have only some of the words (search.partial)
    understood: list = field(default_factory=list)  # understanding.Understood: words taken as filters
    relaxed: list = field(default_factory=list)  # understood filters dropped to find enough results
    searched_q: str = ""  # the text actually searched, after taking out the filter words
    concept: object = None  # concepts.ConceptMatch: the need the query named, its fiches ranked first

    def facet_counts(self, name: str) -> dict[str, int]:
        return {value.value: value.count for value in self.facets.get(name, [])}
