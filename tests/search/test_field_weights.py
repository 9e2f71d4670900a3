"""Ranking with a weight per field (search.ranking.FIELD_WEIGHTS): title > summary > body > keywords,
on SQLite (bm25 column weights) and PostgreSQL (setweight A-D, ts_rank weights) alike; and the
analysis that decides which words are one term."""

from unittest import mock

import pytest
from django.db import connection
from pyroaring import BitMap
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.backends.fts import fts_for, refill
from search.dutch import match_key
from search.matching import build_plan
from search.params import SearchParams
from search.ranking import LEAD_BONUS, lead_multipliers
from search.service import search
from tests import factories


def test_a_word_with_ge_inside_keeps_its_own_key_while_plain_word_forms_still_meet():
    assert match_key("begeleiding") != match_key("beleid")  # guidance is no policy
    assert match_key("genieten") != match_key("niet")
    assert match_key("lessen") == match_key("les")
    assert match_key("materialen") == match_key("materiaal")


def test_a_hyphenated_or_two_word_query_also_matches_the_joined_word_while_typing():
    vocabulary = {"kunstbeleid": 2, "kunst": 9, "beleid": 9}
    for query in ("kunst-beleid", "kunst beleid"):
        (group,) = build_plan(query, vocabulary).groups
        assert ("kunstbeleid",) in group and (match_key("kunst"), match_key("beleid")) in group
    assert len(build_plan("kunst-beleid").groups) == 2  # literal: no vocabulary, no joining


@pytest.mark.django_db
def test_title_outranks_summary_outranks_body_outranks_keywords(site_tree):
    organiser = factories.actor("Zwerfkei")
    factories.action("Keywords", organisers=[organiser])
    factories.action("Body", goal="Een zwerfkei als doel.")
    factories.action("Summary", summary="Over een zwerfkei.")
    factories.action("Een zwerfkei in de titel")

    def order() -> list[str]:
        hits = search(SearchParams(q="zwerfkei", facets=False)).hits
        return [hit.title for hit in hits if hit.type == "actie"]

    assert order() == ["Een zwerfkei in de titel", "Summary", "Body", "Keywords"]
    with connection.cursor() as cursor:  # what the migration to the four fields does
        fts_for().clear(cursor)
        refill(cursor, fts_for())
    assert order() == ["Een zwerfkei in de titel", "Summary", "Body", "Keywords"]


@pytest.mark.django_db
def test_a_short_first_page_goes_on_with_fiches_that_have_some_of_the_words(client, site_tree):
    factories.action("Kajak op de Leie", summary="Met de kajak de Leie af.")
    factories.action("Kajak in zee", summary="Kajakken voor gevorderden.")
    factories.action("Wandelen", summary="Te voet, geen water.")
    result = search(SearchParams(q="kajak leie", interpret=True, facets=False))
    assert [hit.title for hit in result.hits] == ["Kajak op de Leie", "Kajak in zee"]
    assert result.total == 1 and result.partial == 1
    html = client.get("/zoeken/", {"q": "kajak leie"}).content.decode()
    assert "1 fiche met alle woorden, aangevuld met 1 fiche met een deel ervan" in html
    assert "Ontbreekt: leie" in html
    payload = client.get("/api/zoeken/", {"q": "kajak leie"}).json()
    assert payload["partial"] == 1
    assert [(hit["partial"], hit["missing"]) for hit in payload["results"]] == [(False, []), (True, ["leie"])]


@pytest.mark.django_db
def test_a_fiche_about_the_query_that_lacks_one_ordinary_word_ranks_among_the_full_matches(site_tree):
    # The profile is about the ICT coordinator and never says "opleiding"; the full match owes both
    # words to a passing mention. Ranked on one score, the profile comes first, and says what it lacks.
    _other_fiches(8)
    factories.action(
        "Profiel van de ICT-coördinator",
        summary="Wat een ICT-coördinator doet, taak per taak.",
        goal="De ICT-coördinator ondersteunt collega's.",
    )
    factories.action("Schoolreis", summary="Een dag weg.", goal=PASSING_MENTION)
    result = search(SearchParams(q="opleiding tot ICT-coördinator", interpret=True, facets=False))
    assert [hit.title for hit in result.hits][:2] == ["Profiel van de ICT-coördinator", "Schoolreis"]
    assert result.total == 1 and result.partial == len(result.hits) - 1
    assert result.hits[0].missing == ["opleiding"] and result.hits[1].missing == []


@pytest.mark.django_db
def test_a_near_miss_takes_its_place_among_many_full_matches_on_every_page(client, site_tree):
    _other_fiches(8)  # so that the words are rare, as in a real index
    factories.action(
        "Profiel van de ICT-coördinator",
        summary="Wat een ICT-coördinator doet, taak per taak.",
        goal="De ICT-coördinator ondersteunt collega's.",
    )
    for number in (1, 2, 3):
        factories.action(f"Schoolreis {number}", summary="Een dag weg.", goal=PASSING_MENTION)

    def page(number: int):
        return search(
            SearchParams(
                q="opleiding ICT-coördinator", interpret=True, facets=False, page_size=2, page=number
            )
        )

    first, second = page(1), page(2)
    assert first.total == 3 and first.partial == 1  # the total counts the full matches only
    assert [hit.title for hit in first.hits][0] == "Profiel van de ICT-coördinator"
    assert first.hits[0].partial and first.hits[0].missing == ["opleiding"]
    assert [hit.title for hit in first.hits + second.hits] == [
        "Profiel van de ICT-coördinator",
        "Schoolreis 1",
        "Schoolreis 2",  # pushed off page one by the near miss: it opens page two
        "Schoolreis 3",
    ]
    assert second.partial == 1 and not any(hit.partial for hit in second.hits)
    payload = client.get("/api/zoeken/", {"q": "opleiding ICT-coördinator", "page_size": 2}).json()
    assert payload["results"][0]["missing"] == ["opleiding"] and payload["partial"] == 1


# Both words, in passing, in a long text about something else.
PASSING_MENTION = (
    "Een dag met de klas naar zee, met een picknick op het strand en een wandeling langs de duinen. "
    "Wie wil, bouwt een zandkasteel of zoekt schelpen. Na de opleiding van onze ict-coördinator."
)


def _other_fiches(count: int) -> None:
    """Fiches about other things; half of them offer an "opleiding", a common word in a real index."""
    for number in range(count):
        goal = "Een opleiding over iets anders." if number % 2 else "Over iets anders."
        factories.action(f"Ander aanbod {number}", summary="Iets heel anders.", goal=goal)


@pytest.mark.django_db
def test_a_long_fiche_whose_summary_names_the_query_outranks_a_short_one_naming_it_in_passing(site_tree):
    # bm25 divides by the whole fiche's length; the words in the title or summary say what it is about
    _other_fiches(6)
    long_body = " ".join(["Een platform waar leraren elkaars werk vinden, bespreken en verbeteren."] * 30)
    factories.action("Klasbank", summary="Gedeeld lesmateriaal van en voor leraren.", goal=long_body)
    factories.action("Uitstap", summary="Een dag weg.", goal="Neem wat lesmateriaal mee.")
    assert [hit.title for hit in search(SearchParams(q="lesmateriaal", facets=False)).hits][:2] == [
        "Klasbank",
        "Uitstap",
    ]


def test_the_lead_multiplier_grows_with_the_share_of_query_words_in_title_or_summary():
    plan = build_plan("gedeeld lesmateriaal")
    leads = {"gedeld": BitMap([1, 2]), "lesmaterial": BitMap([1, 3])}

    def sets(plan, version, field):
        return [
            BitMap.union(*(leads.get(key, BitMap()) for alt in group for key in alt)) for group in plan.groups
        ]

    with mock.patch("search.ranking.group_sets", sets):
        tiers = lead_multipliers(plan, BitMap([1, 2, 3, 4]), ("token", None))
    assert tiers == {1 + LEAD_BONUS / 2: BitMap([2, 3]), 1 + LEAD_BONUS: BitMap([1])}


@pytest.mark.django_db
def test_the_editors_promotion_stays_first_among_partial_matches(site_tree):
    _other_fiches(6)
    promoted = factories.action("Schoolreis", summary="Een dag weg.", goal=PASSING_MENTION)
    factories.action("Profiel van de ICT-coördinator", summary="Wat een ICT-coördinator doet.")
    SearchPromotion.objects.create(query=Query.get("opleiding ict-coördinator"), page=promoted, sort_order=0)
    short = search(SearchParams(q="opleiding ict-coördinator", interpret=True, facets=False))
    assert short.hits[0].title == "Schoolreis" and short.hits[0].promoted
    for number in (1, 2, 3):
        factories.action(f"Uitstap {number}", summary="Een dag weg.", goal=PASSING_MENTION)
    long = search(SearchParams(q="opleiding ict-coördinator", interpret=True, facets=False, page_size=2))
    assert long.hits[0].title == "Schoolreis" and long.hits[0].promoted
