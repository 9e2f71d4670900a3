"""The search knows fiches only through the FichePage contract: the kinds are its subclasses, and
each kind gives its own text, keywords and facet values."""

import pytest

from actors.models import ActionPage, ActorPage, PartnerGroupPage
from goodpractices.models import GoodPracticePage
from portal.fiche import fiche_kinds, kind_choices
from search.facets import page_facet_values, vocabulary
from search.indexing import keyword_text, prose_text
from tests import factories


def test_every_kind_of_fiche_is_indexed_and_names_real_fields():
    assert fiche_kinds() == [ActionPage, ActorPage, GoodPracticePage, PartnerGroupPage]
    assert [kind.search_kind for kind in fiche_kinds()] == ["actie", "actor", "goodpractice", "partnergroep"]
    for kind in fiche_kinds():
        assert kind.kind_label and kind.kind_plural_label  # what cards and the "Soort" filter call it
        assert (kind.search_kind, kind.kind_plural_label) in kind_choices()
        field_names = {field.name for field in kind._meta.get_fields()}
        assert set(kind.search_text_fields) <= field_names, kind


@pytest.mark.django_db
def test_each_kind_gives_its_own_keywords_and_facet_values(site_tree):
    group = factories.partner_group("Groep Zuid")
    organiser = factories.actor("Leerpunt Oost", group=group)
    action = factories.action("Codeerclub", organisers=[organiser])
    practice = factories.good_practice("Klasblog", actors=[organiser])

    assert "Leerpunt Oost" in keyword_text(action)
    assert prose_text(action).startswith(action.summary)
    assert page_facet_values(action)["partnergroep"] == [group.slug]
    assert page_facet_values(action)["status"] == [action.status]
    assert page_facet_values(organiser)["partnergroep"] == [group.slug]
    assert page_facet_values(practice)["partnergroep"] == [group.slug]
    assert page_facet_values(group)["partnergroep"] == [group.slug]
    assert page_facet_values(practice)["status"] == []

    choices = vocabulary()
    assert choices["partnergroep"][group.slug] == "Groep Zuid"
    assert "binnenkort" in choices["status"]
