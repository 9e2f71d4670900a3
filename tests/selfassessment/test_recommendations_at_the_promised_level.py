"""An A2 teacher is promised offers at B1: an offer of another level says so, the nearest come first,
and one two levels above the target is never shown without a warning."""

from selfassessment.framework import LEVELS
from selfassessment.recommendations import recommend_for

A2 = LEVELS.index("A2")


def test_without_b1_offers_the_nearest_levels_come_first_and_say_so(offer):
    offer("Smart digitaal lesgeven", competences=["2.2"], levels=["C2"])
    offer("Expertenbad", competences=["2.2"], levels=["B2"])
    offer("Eerste stappen", competences=["2.2"], levels=["A2"])
    result = recommend_for("2.2", A2)
    assert [o.title for o in result.offers] == ["Eerste stappen", "Expertenbad", "Smart digitaal lesgeven"]
    assert all(not o.fits_target for o in result.offers)
    assert all(
        "nog geen aanbod op jouw volgende niveau; dit is het dichtstbij" in o.level_note.lower()
        for o in result.offers
    )
    far = result.offers[2]
    assert "twee of meer stappen boven B1" in far.level_note
    assert far.as_json()["level_note"] == far.level_note


def test_an_offer_at_the_target_level_carries_no_warning(offer):
    offer("Precies B1", competences=["6.3"], levels=["B1"])
    offer("Veel te hoog", competences=["6.3"], levels=["C1"])
    result = recommend_for("6.3", A2)
    assert result.offers[0].title == "Precies B1" and result.offers[0].level_note == ""
    assert "twee of meer stappen" in result.offers[1].level_note
