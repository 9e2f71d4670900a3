"""Search that understands teachers: word forms, compounds, typos, facet words, synonyms, partial
matches; and the literal mode that feeds, exports and internal callers keep."""

import datetime

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from actors.models import ActionPage, ActionSession
from search.backends.elasticsearch import DUTCH, request_body
from search.dutch import match_key, split_compound
from search.matching import build_plan
from search.models import Synonym
from search.params import SearchParams
from search.service import search
from search.text import index_terms
from search.vocabulary import Vocabulary
from tests import factories

pytestmark = pytest.mark.django_db


def titles(result) -> list[str]:
    return [hit.title for hit in result.hits]


def interpreted(q: str, **filters):
    return search(SearchParams(q=q, filters={k: tuple(v) for k, v in filters.items()}, interpret=True))


# --- word forms and compounds (no database needed for the rules themselves) ---


@pytest.mark.parametrize(
    "one, other",
    [
        ("materialen", "materiaal"),
        ("coordinatoren", "coordinator"),
        ("filmpje", "film"),
        ("fotos", "foto"),
        ("leerkrachten", "leerkracht"),
    ],
)
def test_dutch_word_forms_share_one_match_key(one, other):
    assert match_key(one) == match_key(other)


def test_a_content_word_never_shares_its_key_with_a_function_word():
    # "meten" stems to "met": "competenties meten" would match every fiche that says "met"
    assert match_key("meten") != match_key("met")
    assert match_key("met") == "met"


def test_hyphenated_words_are_also_indexed_joined_and_compounds_as_their_parts():
    terms = index_terms("ICT-coördinator en codeerclub").split()
    assert {"ict", "coordinator", "ictcoordinator", "codeerclub", "codeer", "club"} <= set(terms)
    assert split_compound("mediawijsheid", {"media", "wijsheid"}) == ["media", "wijsheid"]
    assert split_compound("mediawijsheid", {"media"}) is None


def test_a_compound_with_a_linking_s_splits_into_its_parts():
    known = {"professionalisering", "beleid", "veiligheid", "plan"}
    assert split_compound("professionaliseringsbeleid", known) == ["professionalisering", "beleid"]
    assert split_compound("veiligheidsplan", known) == ["veiligheid", "plan"]
    assert split_compound("beleidsplan", {"beleid", "splan"}) == ["beleid", "splan"]  # a real part wins


def test_a_word_whose_other_form_is_indexed_is_not_also_split_into_parts():
    vocabulary = Vocabulary({"lesmateriaal": 4, "les": 30, "materialen": 9})
    assert build_plan("lesmaterialen", vocabulary).groups == ((("lesmaterial",), ("lesmaterialen*",)),)


def test_a_plural_finds_the_singular_and_accents_do_not_matter(corpus):
    assert "Nascholing mediawijsheid" in titles(search(SearchParams(q="coördinatoren")))
    assert "Nascholing mediawijsheid" in titles(search(SearchParams(q="coordinator ")))
    assert titles(search(SearchParams(q="toets ")))[0] == "Digitaal toetsen"


def test_split_words_find_the_joined_compound(corpus):
    assert titles(interpreted("programmeer club")) == ["Programmeerclub voor leerlingen"]


# --- spelling ---


def test_a_typo_in_a_word_of_a_description_is_corrected_at_once(client, corpus):
    data = client.get("/api/zoeken/", {"q": "nepniews"}).json()
    assert data["corrected"] == "nepnieuws"
    assert [hit["title"] for hit in data["results"]] == ["Nascholing mediawijsheid"]
    html = client.get("/zoeken/", {"q": "nepniews"}).content.decode()
    assert "Resultaten voor ‘nepnieuws’. Zoek in plaats daarvan naar" in html
    assert "q=nepniews&amp;interpret=0" in html


def test_short_words_and_codes_are_never_corrected(corpus):
    assert interpreted("ixt").corrected == ""
    assert interpreted("b9x1").corrected == ""


# --- literal mode: subscriptions and machine consumers get the words as typed ---


def test_literal_mode_never_substitutes_nor_falls_back(client, corpus):
    data = client.get("/api/zoeken/", {"q": "nepniews", "interpret": "0"}).json()
    assert data["total"] == 0 and data["corrected"] is None and data["interpreted"] is False
    assert data["suggestion"] == "nepnieuws"  # offered as a link, never applied
    assert search(SearchParams(q="robots zwembad")).total == 0
    assert search(SearchParams(q="gratis webinar")).total == 0  # no filters guessed either
    feed = client.get("/zoeken/feed/", {"q": "nepniews"}).content.decode()
    assert "<entry>" not in feed
    export = client.get("/zoeken/", {"q": "robots zwembad", "format": "json"}).json()
    assert export["total"] == 0


# --- query understanding ---


def test_facet_words_become_removable_filters(client, corpus):
    data = client.get("/api/zoeken/", {"q": "gratis lager onderwijs"}).json()
    assert {(u["facet"], u["value"], u["from"]) for u in data["understood"]} == {
        ("gratis", "ja", "gratis"),
        ("onderwijsniveau", "lager", "lager onderwijs"),
    }
    assert data["searched"] == "" and data["relaxed"] == []
    assert all(hit["title"] != "Digitaal toetsen" for hit in data["results"])
    html = client.get("/zoeken/", {"q": "gratis lager onderwijs"}).content.decode()
    assert "Uit je zoekvraag begrepen" in html and "Begrepen filter Gratis: Gratis weglaten" in html
    assert 'href="/zoeken/?q=lager+onderwijs"' in html  # removing the chip searches the rest
    off = client.get("/api/zoeken/", {"q": "gratis robots", "interpret": "0"}).json()
    assert off["understood"] == [] and off["total"] == 0


def test_a_filter_that_leaves_too_little_is_relaxed_and_can_be_put_back(client, corpus):
    data = client.get("/api/zoeken/", {"q": "gratis robots"}).json()
    assert data["searched"] == "robots" and data["understood"] == []
    assert data["relaxed"] == [{"facet": "gratis", "value": "ja", "from": "gratis"}]
    assert data["results"][0]["title"] == "Robotica in de klas"  # the free one first
    html = client.get("/zoeken/", {"q": "gratis robots"}).content.decode()
    assert 'href="/zoeken/?q=robots&amp;gratis=ja"' in html  # one click puts it back


def test_a_query_that_is_only_filters_lists_what_they_select(client, corpus):
    data = client.get("/api/zoeken/", {"q": "gratis webinar lager onderwijs"}).json()
    found = {(u["facet"], u["value"]) for u in data["understood"] + data["relaxed"]}
    assert found == {("gratis", "ja"), ("vorm", "webinar"), ("onderwijsniveau", "lager")}
    # the one offer meeting all three comes first; too few, so the least certain filter is relaxed
    assert [hit["title"] for hit in data["results"]][0] == "Robotica in de klas"
    assert data["total"] >= 3
    assert client.get("/zoeken/", {"q": "gratis webinar"}).status_code == 200


def test_levels_from_plain_words(corpus):
    result = interpreted("beginners")
    assert {(u.facet, u.value) for u in result.understood} == {("niveau", "A1"), ("niveau", "A2")}
    assert "Digitaal toetsen" not in titles(result)


# --- never a dead end ---


def test_when_no_fiche_has_all_words_the_best_partial_matches_answer(client, corpus):
    html = client.get("/zoeken/", {"q": "robots zwembad"}).content.decode()
    assert "Geen fiche bevat alle woorden; dit zijn de beste treffers" in html
    assert "Robotica in de klas" in html
    data = client.get("/api/zoeken/", {"q": "robots zwembad"}).json()
    assert data["best_effort"] is True and data["total"] >= 1
    assert interpreted("zwembad xylofoon").total == 0  # no single word matches: honestly nothing


# --- synonyms ---


def test_an_editors_synonym_works_at_once_without_a_rebuild(corpus):
    assert interpreted("knutselen").total == 0
    synonym = Synonym.objects.create(terms="knutselen, robots")
    assert titles(interpreted("knutselen"))[0] == "Robotica in de klas"
    synonym.delete()
    assert interpreted("knutselen").total == 0


def test_a_synonym_loop_is_harmless(client, corpus):
    Synonym.objects.create(terms="robots, robotica")
    Synonym.objects.create(terms="robotica, robots")
    Synonym.objects.create(terms="robotica, toetsen, robots")
    response = client.get("/zoeken/", {"q": "robots"})
    assert response.status_code == 200 and "Robotica in de klas" in response.content.decode()
    plan = build_plan("robots", synonyms={"robots": ("robotica", "toetsen")})
    assert len(plan.groups) == 1


def test_a_synonym_needs_two_different_words():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        Synonym(terms="robots, Robots").full_clean()


# --- bad input ---


@pytest.mark.parametrize(
    "q",
    ["programmeren " * 400, "?!… ,;:", "de het een van", "gratis", "a" * 5000, "'s", "ict-"],
)
def test_bad_queries_get_a_clear_answer(client, corpus, q):
    for path in ("/zoeken/", "/api/zoeken/"):
        assert client.get(path, {"q": q}).status_code == 200


# --- Elasticsearch: the same rules in its analyzer and queries ---


def test_the_elasticsearch_analyzer_decompounds_with_the_same_word_list_and_stems_dutch_kp():
    definition = DUTCH.get_analysis_definition()
    filters = definition["filter"]
    assert filters["portal_dutch_stemmer"]["language"] == "dutch_kp"
    assert "club" in filters["portal_dutch_compounds"]["word_list"]
    assert filters["portal_dutch_compounds"]["type"] == "dictionary_decompounder"
    assert "asciifolding" in definition["analyzer"]["portal_dutch"]["filter"]


def test_elasticsearch_gets_synonyms_and_the_best_effort_operator():
    params = SearchParams(q="coderen thuis", interpret=True)
    body = request_body(params, synonyms={"coderen": ("programmeren",)})
    assert "programmeren" in str(body["query"]) and "should" in str(body["query"])
    plan = build_plan("coderen thuis", match_any=True)
    assert request_body(params, plan=plan)["query"]["multi_match"]["operator"] == "or"
    assert "programmeren" not in str(request_body(SearchParams(q="coderen thuis")))


# --- result cards ---


def test_an_offer_card_shows_what_a_teacher_decides_by(client, corpus):
    html = client.get("/zoeken/", {"q": "robots"}).content.decode()
    card = html[html.index("Robotica in de klas") :]
    card = card[: card.index("</li>")]
    assert "<dt>Kostprijs</dt><dd>Gratis</dd>" in card
    assert "<dt>Vorm</dt><dd>Webinar</dd>" in card
    assert "<dt>Onderwijsniveau</dt><dd>Lager onderwijs</dd>" in card
    assert "<dt>Wanneer</dt>" in card and "<dt>Niveau</dt>" in card


def test_an_offer_card_names_its_organisers_and_next_session(client, site_tree):
    organiser = factories.actor("Codeerschool vzw")
    hidden = factories.actor("Verborgen organisatie", live=False)
    page = factories.action("Leren coderen met Scratch", organisers=[organiser, hidden])
    start = timezone.now() + datetime.timedelta(days=40)
    cancelled = ActionSession(
        start=start - datetime.timedelta(days=10), location="Gent", status="geannuleerd"
    )
    page.sessions = [ActionSession(start=start, location="Gent"), cancelled]
    page.save_revision().publish()
    with_sessions = ActionPage.objects.get(pk=page.pk)

    html = client.get("/zoeken/", {"q": "scratch"}).content.decode()
    card = html[html.index("Leren coderen met Scratch") :]
    card = card[: card.index("</li>")]
    assert "<dt>Organisatie</dt><dd>Codeerschool vzw</dd>" in card  # the unpublished one is not named
    shown = date_format(timezone.localtime(with_sessions.sessions.get(status="open").start), "j F Y")
    # not the cancelled, earlier one; with its place and cost
    assert f"<dt>Volgende sessie</dt><dd>{shown} · Gent · gratis</dd>" in card


def test_offers_rank_above_organisations_unless_one_is_named(corpus):
    kinds = [hit.type for hit in interpreted("robots").hits]
    assert "actor" in kinds and kinds.index("actor") > kinds.index("actie")
    named = [hit.title for hit in interpreted("robotica vzw").hits]
    assert named[0] == "Robotica vzw"


def test_an_actor_and_a_partner_group_of_one_organisation_are_one_hit(client, corpus):
    from tests import factories

    group = factories.partner_group("Robotica vzw")
    corpus["actor"].partner_group = group
    corpus["actor"].save_revision().publish()
    html = client.get("/zoeken/", {"q": "robotica vzw"}).content.decode()
    assert html.count('<li class="hit">') == 1
    assert "Ook als partnergroep:" in html or "Ook als actor:" in html
    assert f'href="{group.url}"' in html and f'href="{corpus["actor"].url}"' in html


def test_a_literal_search_stays_literal_when_filtering_further(client, corpus):
    html = client.get("/zoeken/", {"q": "nepniews", "interpret": "0"}).content.decode()
    assert '<input type="hidden" name="interpret" value="0">' in html
    assert "Resultaten voor" not in html


def test_elasticsearch_ranks_offers_first_when_the_service_asks():
    from dataclasses import replace

    params = SearchParams(q="robots", interpret=True)
    plan = replace(build_plan("robots"), offers_first=True)
    scored = request_body(params, plan=plan)["query"]["function_score"]
    assert scored["functions"][0]["filter"] == {"terms": {"kind": ["actie", "goodpractice"]}}
    assert "function_score" not in str(request_body(params))
