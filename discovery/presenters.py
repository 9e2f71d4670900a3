"""A SearchResult as the HTML page's context or as the JSON API's payload."""

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from portal.fiche import fiche_kind, fiche_kinds, kind_labels
from search import FACETS, FACETS_BY_NAME, SORTS, YES_NO, SearchParams, SearchResult
from search import facet_vocabulary as vocabulary
from search import text_words as words


def url_for(params: SearchParams, path: str = "/zoeken/", include_page: bool = True) -> str:
    query = urlencode(params.query_items(include_page=include_page))
    return f"{path}?{query}" if query else path


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    toggle_url: str


# A long facet shows this many values (and every ticked one) and folds the rest behind "toon alle N";
# a facet with one value more than this shows them all, since the button would take that line anyway.
FACET_VALUES_SHOWN = 6


def _folded(options: list[FacetOption]) -> tuple[list[FacetOption], list[FacetOption]]:
    """The values a facet shows at once and those behind "toon alle N", each in the facet's order."""
    if len(options) <= FACET_VALUES_SHOWN + 1:
        return options, []
    shown = [o for i, o in enumerate(options) if i < FACET_VALUES_SHOWN or o.selected]
    return shown, [o for i, o in enumerate(options) if i >= FACET_VALUES_SHOWN and not o.selected]


@dataclass
class Chip:
    facet_label: str
    label: str
    remove_url: str


def page_context(
    request,
    params: SearchParams,
    result: SearchResult,
    path: str = "/zoeken/",
    hidden_facets: tuple[str, ...] = (),
) -> dict:
    """The template context of a results page at `path` (the search page, or a section index page
    whose own facets, e.g. the type, are fixed and therefore hidden)."""
    known = vocabulary()

    def link(changed: SearchParams) -> str:
        return url_for(changed, path)

    facets = []
    for facet in FACETS:
        if facet.name in hidden_facets:
            continue
        options = [
            FacetOption(
                v.value,
                v.label,
                v.count,
                v.selected,
                link(
                    params.without(facet.name, v.value)
                    if v.selected
                    else params.with_filter(facet.name, v.value)
                ),
            )
            for v in result.facets.get(facet.name, [])
        ]
        if options:
            shown, more = _folded(options)
            facets.append(
                {"name": facet.name, "label": facet.label, "options": options, "shown": shown, "more": more}
            )
    chips = [
        Chip(facet.label, known[facet.name].get(value, value), link(params.without(facet.name, value)))
        for facet in FACETS
        if facet.name not in hidden_facets
        for value in params.filters.get(facet.name, ())
    ]
    understood_chips = [
        Chip(facet_label, value_label, link(_with(params, q=_without_phrase(params.q, phrases), page=1)))
        for facet_label, value_label, phrases in _understood_chips(result.understood, known)
    ]
    # Filters the query implied but that were relaxed to find enough: one click puts each back.
    relaxed_chips = [
        Chip(facet_label, value_label, link(_reapplied(params, phrases, values)))
        for facet_label, value_label, phrases, values in _understood_chips(
            result.relaxed, known, with_values=True
        )
    ]
    # The concept the query named ("Gezocht binnen: Feedback"): one click searches without its boost.
    concept_chip = (
        Chip("Gezocht binnen", result.concept.label, link(_with(params, concepts=False, page=1)))
        if result.concept is not None
        else None
    )
    pages = max(1, -(-(result.total + result.partial) // params.page_size))  # partial: search.partial
    facts_by_id = card_facts(result.hits)
    grouped = _grouped(result.hits)
    # a partial hit folded into its organisation's twin is not counted as one more fiche
    folded_partial = sum(hit.partial for hit in result.hits) - sum(hit.partial for hit in grouped)
    return {
        "params": params,
        "result": result,
        "form_action": path,
        "hits": [
            (_with_facts(hit, known, facts_by_id.get(hit.id, [])), kind_labels().get(hit.type, hit.type))
            for hit in grouped
        ],
        "partial_count": result.partial - folded_partial,
        "facets": facets,
        "chips": chips,
        "understood_chips": understood_chips,
        "relaxed_chips": relaxed_chips,
        "concept_chip": concept_chip,
        # What the "Filters (n)" button counts: the ticked filters and those read from the query.
        "active_filter_count": len(chips) + len(understood_chips),
        "relaxed_labels": ", ".join(dict.fromkeys(chip.label.lower() for chip in relaxed_chips)),
        "literal_url": link(_with(params, q=result.corrected_from, page=1, literal_asked=True))
        if result.corrected
        else "",
        "sorts": [(key, label, link(_with(params, sort=key, page=1))) for key, label in SORTS.items()],
        "clear_filters_url": link(SearchParams(q=params.q)),
        "suggestion_url": link(SearchParams(q=result.suggestion)) if result.suggestion else "",
        "page_count": pages,
        "previous_url": link(_with(params, page=params.page - 1)) if params.page > 1 else "",
        "next_url": link(_with(params, page=params.page + 1)) if params.page < pages else "",
        "first_index": (params.page - 1) * params.page_size + 1,
    }


# What a teacher weighs an offer by, in the order a result card shows it.
# How a result card names the facets a kind lists on it (FichePage.card_facets).
CARD_FACETS = {
    "status": "Wanneer",
    "gratis": "Kostprijs",
    "vorm": "Vorm",
    "niveau": "Niveau",
    "onderwijsniveau": "Onderwijsniveau",
}


def _grouped(hits):
    """An actor and a partner group that are one organisation (the same title, e.g. "KlasCement")
    as one hit: the first of the two, with `also` linking to the other."""
    organisation_kinds = {kind.search_kind for kind in fiche_kinds() if kind.is_organisation}
    first_of: dict[str, object] = {}
    kept = []
    for hit in hits:
        hit.also = []
        if hit.type in organisation_kinds:
            name = "".join(words(hit.title))
            twin = first_of.get(name)
            if twin is not None and twin.type != hit.type:
                twin.also.append((kind_labels()[hit.type], hit.url_path))
                continue
            first_of.setdefault(name, hit)
        kept.append(hit)
    return kept


def card_facts(hits) -> dict[int, list[tuple[str, str]]]:
    """What each kind of fiche adds to its cards beyond the facet values, for this page of hits."""
    facts: dict[int, list[tuple[str, str]]] = {}
    for kind in fiche_kinds():
        ids = [hit.id for hit in hits if hit.type == kind.search_kind]
        if ids:
            facts.update(kind.search_card_facts(ids))
    return facts


def _with_facts(hit, known, extra=()):
    """The hit with `facts`: [(label, values)] for its card, its kind's own facts (organisers, next
    session) first; the facet facts for offers only (organisations have none)."""
    facts = list(extra)
    kind = fiche_kind(hit.type)
    for facet in kind.card_facets if kind else ():
        codes = hit.values.get(facet, [])
        if facet == "gratis":
            shown = ["Gratis" if code == "ja" else "Betalend" for code in codes]
        else:
            shown = [known[facet].get(code, code) for code in codes]
        if shown:
            facts.append((CARD_FACETS[facet], ", ".join(shown)))
    hit.facts = facts
    return hit


def _understood_chips(understood, known, with_values: bool = False) -> list[tuple]:
    """(facet label, value label, the query phrases it came from[, the (facet, value)s]) per
    understood filter. A yes/no facet shows its own name ("Gratis"), a multi-value phrase
    ("secundair") one chip per value."""
    chips: dict[tuple[str, str], tuple[set[str], list]] = {}
    for item in understood:
        facet = FACETS_BY_NAME[item.facet]
        if facet.choices == YES_NO:
            label = (facet.label, facet.label if item.value == "ja" else f"Niet {facet.label.lower()}")
        else:
            label = (facet.label, known[item.facet].get(item.value, item.value))
        phrases, values = chips.setdefault(label, (set(), []))
        phrases.add(item.phrase)
        values.append((item.facet, item.value))
    if with_values:
        return [(f, v, phrases, values) for (f, v), (phrases, values) in chips.items()]
    return [(f, v, phrases) for (f, v), (phrases, _) in chips.items()]


def _reapplied(params: SearchParams, phrases: set[str], values) -> SearchParams:
    """The search with a relaxed filter ticked (and its words out of the text): as asked."""
    changed = _with(params, q=_without_phrase(params.q, phrases), page=1)
    for facet, value in values:
        changed = changed.with_filter(facet, value)
    return changed


def _without_phrase(query: str, phrases: set[str]) -> str:
    """The query with the words of `phrases` taken out, for the chip that removes their filter."""
    remaining = " " + " ".join(words(query)) + " "
    for phrase in phrases:
        remaining = remaining.replace(f" {phrase} ", " ", 1)
    return " ".join(remaining.split())


def _with(params: SearchParams, **changes) -> SearchParams:
    return replace(params, **changes)


def with_sort(params: SearchParams, sort: str) -> SearchParams:
    return replace(params, sort=sort)


def api_payload(request, params: SearchParams, result: SearchResult) -> dict:
    return {
        "query": params.q,
        "total": result.total,
        "page": params.page,
        "page_size": params.page_size,
        "results": [
            {
                "id": hit.id,
                "type": hit.type,
                "title": hit.title,
                "url": request.build_absolute_uri(hit.url_path),
                "summary": hit.summary,
                "highlight": hit.highlight,
                "source": hit.source or None,
                "digcompedu": hit.digcompedu,
                "pijlers": hit.pijlers,
                "score": hit.score,
                "promoted": hit.promoted,
                "partial": hit.partial,
                "missing": hit.missing,
            }
            for hit in result.hits
        ],
        "facets": {
            name: [{"value": v.value, "label": v.label, "count": v.count} for v in values]
            for name, values in result.facets.items()
        },
        "ignored": list(params.ignored),
        "interpreted": params.interpret,
        "searched": result.searched_q if params.interpret else params.q,
        "understood": [
            {"facet": item.facet, "value": item.value, "from": item.phrase} for item in result.understood
        ],
        "relaxed": [
            {"facet": item.facet, "value": item.value, "from": item.phrase} for item in result.relaxed
        ],
        "concept": (
            {
                "label": result.concept.label,
                "boosts": [{"facet": facet, "value": value} for facet, value in result.concept.values],
                "from": result.concept.phrase,
            }
            if result.concept is not None
            else None
        ),
        "corrected": result.corrected or None,
        "suggestion": result.suggestion or None,
        "best_effort": result.best_effort,
        "partial": result.partial,
        "backend": result.backend,
        "took_ms": result.took_ms,
    }
