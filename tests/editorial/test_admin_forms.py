"""Editors work in a Dutch admin with structured forms for every fiche and the taxonomies."""

import pytest
from django.contrib.auth import get_user_model

from portal.taxonomy import Pillar
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("redactie", "redactie@example.be", "een-lang-wachtwoord")
    client.force_login(user)
    return client


def test_the_login_page_is_dutch(client):
    html = client.get("/admin/login/").content.decode()
    assert "Inloggen" in html and "Gebruikersnaam" in html


def test_every_fiche_opens_in_the_editor_with_its_tabs(editor_client, site_tree):
    group = factories.partner_group()
    actor = factories.actor(group=group)
    action = factories.action(organisers=[actor])
    practice = factories.good_practice(actors=[actor])
    for page in [group, actor, action, practice]:
        html = editor_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
        for tab in ["Inhoud", "Taxonomie", "Redactie", "Promotie"]:
            assert tab in html, (page, tab)
        assert "GEHEIME-REDACTIENOTITIE" in html  # editors do see their notes


def test_an_editor_can_add_an_actor_under_the_actor_index(editor_client, site_tree):
    from actors.models import ActorIndexPage

    index = site_tree.index_for(ActorIndexPage)
    response = editor_client.get(f"/admin/pages/add/actors/actorpage/{index.pk}/")
    assert response.status_code == 200
    assert "Korte beschrijving" in response.content.decode()


def test_taxonomies_are_managed_as_snippets(editor_client):
    response = editor_client.get("/admin/snippets/portal/pillar/")
    assert response.status_code == 200
    assert "Professionalisering op maat" in response.content.decode()
    pillar = Pillar.objects.get(code="aanbod")
    response = editor_client.post(
        f"/admin/snippets/portal/pillar/edit/{pillar.pk}/",
        {"code": "aanbod", "label": "Aanbod op maat", "description": "", "sort_order": 3},
    )
    assert response.status_code == 302
    pillar.refresh_from_db()
    assert pillar.label == "Aanbod op maat" and pillar.code == "aanbod"
