"""The results contract, run against every backend available here (database always; Elasticsearch
when ELASTICSEARCH_URL is set)."""

import itertools

import pytest

from portal.fiche import fiche_kinds
from search.facets import FACETS, page_facet_values
from search.params import SearchParams

pytestmark = pytest.mark.django_db


def titles(result) -> list[str]:
    return [hit.title for hit in result.hits]


def run(backend, q="", page_size=50, **filters):
    return backend.search(
        SearchParams(q=q, filters={k: tuple(v) for k, v in filters.items()}, page_size=page_size)
    )


def test_dutch_stemming(backend):
    assert "Nascholing mediawijsheid" in titles(run(backend, "opleidingen"))


def test_accents_do_not_matter(backend):
    assert "Zelfevaluatie digitale competenties" in titles(run(backend, "coordinatoren"))
    assert "Lerend netwerk ICT" in titles(run(backend, "ICT-coördinatoren"))


def test_the_last_word_matches_as_a_prefix(backend):
    found = titles(run(backend, "programm"))
    assert "Robotica in de klas" in found and "Programmeerclub voor leerlingen" in found


def test_all_words_must_match(backend):
    assert titles(run(backend, "robots lager onderwijs")) == ["Robotica in de klas"]


def test_titles_weigh_more_than_body_text(backend):
    found = titles(run(backend, "robotica "))
    assert found.index("Robotica in de klas") < found.index("Lerend netwerk ICT")


def test_matches_are_highlighted(backend):
    hit = next(h for h in run(backend, "nepnieuws").hits if h.title == "Nascholing mediawijsheid")
    assert "<mark>nepnieuws</mark>" in hit.highlight


def test_filters_and_across_facets_or_within_one(backend):
    assert set(titles(run(backend, gratis=["ja"], pijler=["aanbod"]))) == {
        "Robotica in de klas",
        "Programmeerclub voor leerlingen",
    }
    assert set(titles(run(backend, pijler=["screening", "netwerken"]))) == {
        "Zelfevaluatie digitale competenties",
        "Lerend netwerk ICT",
    }


def test_an_area_filter_finds_fiches_tagged_with_a_competence_of_it(backend):
    assert set(titles(run(backend, digcompedu=["6.3"]))) == {"Robotica in de klas"}
    assert "Toetsen" not in " ".join(titles(run(backend, digcompedu=["6"])))


def test_empty_query_with_filters_browses(backend):
    result = run(backend, type=["actor"])
    assert titles(result) == ["Robotica vzw"] and result.total == 1


def brute_force_counts(corpus_ids, params: SearchParams) -> dict[str, dict[str, int]]:
    """Count every facet value over the given documents, each facet ignoring its own filter."""
    values_of = {}
    for model in fiche_kinds():
        for page in model.objects.filter(pk__in=corpus_ids).live():
            values_of[page.pk] = page_facet_values(page)
    counts = {}
    for facet in FACETS:
        counts[facet.name] = {}
        for values in values_of.values():
            if all(
                set(values[name]) & set(selected)
                for name, selected in params.filters.items()
                if name != facet.name
            ):
                for value in values[facet.name]:
                    counts[facet.name][value] = counts[facet.name].get(value, 0) + 1
    return counts


FILTER_COMBINATIONS = [
    {},
    {"gratis": ("ja",)},
    {"pijler": ("aanbod",), "niveau": ("A1", "B1")},
    {"digcompedu": ("6",), "gratis": ("ja",), "status": ("doorlopend",)},
    {"onderwijsniveau": ("lager",), "doelgroep": ("leerkrachten", "leerlingen")},
]


@pytest.mark.parametrize("filters", FILTER_COMBINATIONS, ids=lambda f: ",".join(f) or "none")
@pytest.mark.parametrize("q", ["", "digitale"])
def test_facet_counts_equal_a_brute_force_count(backend, filters, q):
    matching_text = {hit.id for hit in run(backend, q, page_size=100).hits}
    params = SearchParams(q=q, filters=filters, page_size=100)
    result = backend.search(params)
    expected = brute_force_counts(matching_text, params)
    for facet in FACETS:
        assert result.facet_counts(facet.name) == {
            value: count for value, count in expected[facet.name].items() if count
        } | {value: 0 for value in filters.get(facet.name, ()) if not expected[facet.name].get(value)}, (
            facet.name
        )


def test_sort_by_title_and_by_newest(backend, corpus):
    by_title = titles(backend.search(SearchParams(filters={"type": ("actie",)}, sort="titel")))
    assert by_title == sorted(by_title, key=str.lower)
    corpus["toetsen"].save_revision().publish()  # now the most recently published
    newest = backend.search(SearchParams(sort="nieuw"))
    if backend.name == "elasticsearch":
        backend.rebuild()
        newest = backend.search(SearchParams(sort="nieuw"))
    assert newest.hits[0].title == "Digitaal toetsen"


def test_pagination_covers_everything_once(backend):
    everything = run(backend, page_size=100)
    seen = []
    for page in itertools.count(1):
        result = backend.search(SearchParams(page=page, page_size=2, sort="titel"))
        if not result.hits:
            break
        assert result.total == everything.total
        seen += [hit.id for hit in result.hits]
    assert sorted(seen) == sorted(hit.id for hit in everything.hits) and len(seen) == len(set(seen))


def test_a_page_beyond_the_end_is_empty(backend):
    result = backend.search(SearchParams(page=500, page_size=10))
    assert result.hits == [] and result.total > 0


def test_hits_carry_codes_and_source(backend):
    hit = next(h for h in run(backend, "robots").hits if h.title == "Robotica in de klas")
    assert hit.type == "actie" and hit.source == "B.6.14"
    assert set(hit.digcompedu) == {"6", "6.3"} and hit.pijlers == ["aanbod"]
    assert hit.url_path.startswith("/aanbod/robotica-in-de-klas")


def test_promoted_fiches_come_first_marked_and_respect_filters(backend, corpus):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    from search.promotions import apply_promotions

    SearchPromotion.objects.create(query=Query.get("robots"), page=corpus["toetsen"], sort_order=0)

    def answer(params):  # what the search service does with every backend's answer
        result = backend.search(params)
        apply_promotions(params, result)
        return result

    result = answer(SearchParams(q="robots"))
    assert titles(result)[0] == "Digitaal toetsen" and result.hits[0].promoted
    assert not any(hit.promoted for hit in result.hits[1:])
    filtered = answer(SearchParams(q="robots", filters={"gratis": ("ja",)}))  # toetsen is paid
    assert "Digitaal toetsen" not in titles(filtered)
    second_page = answer(SearchParams(q="robots", page=2, page_size=1))
    assert not any(hit.promoted for hit in second_page.hits)  # promotions head the first page only
