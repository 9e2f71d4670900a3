"""Ranking: competence over area, next level over any level, running over unknown, never ended; a
collaborative form where there is one; the nearest level when nothing fits."""

from selfassessment.framework import COMPETENCES, LEVELS
from selfassessment.recommendations import recommend, recommend_for
from selfassessment.scoring import score

A2, B1 = LEVELS.index("A2"), LEVELS.index("B1")


def titles(recommendation):
    return [offer.title for offer in recommendation.offers]


def test_ranking_follows_the_tiers(offer):
    offer("Area B1 running", competences=["3.1"], levels=["B1"])
    offer("Comp B1 unknown", competences=["3.2"], levels=["B1"], status="onbekend")
    offer("Comp C1 running", competences=["3.2"], levels=["C1"])
    offer("Comp B1 running", competences=["3.2"], levels=["B1"], forms=["intervisie"])
    offer("Comp B1 ended", competences=["3.2"], levels=["B1"], status="afgelopen")
    offer("Other area B1", competences=["4.1"], levels=["B1"])
    result = recommend_for("3.2", A2)
    assert titles(result) == ["Comp B1 running", "Comp B1 unknown", "Comp C1 running", "Area B1 running"]
    assert result.target_level == B1
    assert "omdat je op 3.2 Begeleiden A2 scoort; dit aanbod richt zich op B1" == result.reason
    first = result.offers[0]
    assert first.on_competence and first.fits_target and first.collaborative
    assert first.levels == ("B1",) and first.forms == ("intervisie",) and first.cost == "gratis"
    assert not result.offers[3].on_competence
    assert "digcompedu=3.2" in result.more_url and "niveau=B1" in result.more_url
    assert "status=binnenkort" in result.more_url and "status=doorlopend" in result.more_url
    assert "afgelopen" not in result.more_url


def test_at_most_five_and_a_collaborative_form_takes_the_last_place(offer):
    for n in range(6):
        offer(f"Cursus {n}", competences=["2.1"], levels=["B1"], forms=["cursus"])
    offer("Netwerk op het domein", competences=["2.2"], levels=["A1"], forms=["netwerk"], status="onbekend")
    result = recommend_for("2.1", A2)
    assert len(result.offers) == 5
    assert result.offers[-1].title == "Netwerk op het domein"
    assert sum(offer.collaborative for offer in result.offers) == 1


def test_without_a_collaborative_offer_the_list_stays_as_ranked(offer):
    for n in range(3):
        offer(f"Webinar {n}", competences=["2.1"], levels=["B1"], forms=["webinar"])
    result = recommend_for("2.1", A2)
    assert len(result.offers) == 3 and not any(offer.collaborative for offer in result.offers)


def test_no_offer_at_the_next_level_names_the_nearest_level(offer):
    offer("Voor leiders", competences=["4.2"], levels=["C1"])
    offer("Voor experten", competences=["4.2"], levels=["B2"], status="afgelopen")
    result = recommend_for("4.2", LEVELS.index("A1"))
    assert result.target_code == "A2"
    assert result.nearest_level == LEVELS.index("C1")
    assert "geen lopend aanbod" in result.note and "C1" in result.note
    assert "niveau=C1" in result.more_url
    assert titles(result) == ["Voor leiders"]


def test_nothing_at_all_says_so(db):
    result = recommend_for("6.5", LEVELS.index("B2"))
    assert result.offers == () and result.nearest_level is None
    assert "nog geen lopend aanbod" in result.note


def test_c2_aims_at_c2(offer):
    offer("Pioniers", competences=["1.3"], levels=["C2"])
    result = recommend_for("1.3", LEVELS.index("C2"))
    assert result.target_code == "C2" and titles(result) == ["Pioniers"]


def test_one_recommendation_per_priority(offer):
    levels = {code: 3 for code in COMPETENCES} | {"5.1": 0, "5.2": 1}
    result = recommend(score(levels, marked={"1.4"}))
    assert [item.competence for item in result] == ["5.1", "5.2", "1.4"]


def test_recommendation_searches_leave_no_search_statistics(offer, client):
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    from editorial.models import ZeroResultQuery

    offer("Iets", competences=["3.2"], levels=["B1"])
    recommend_for("3.2", A2)
    client.post("/api/zelfevaluatie/", {"levels": {"3.2": "A2"}}, content_type="application/json")
    assert not Query.objects.exists() and not QueryDailyHits.objects.exists()
    assert not ZeroResultQuery.objects.exists()
