"""Every fiche page shows every filled field, its taxonomy as links, its relations and its source,
never its drafts or private notes, and costs the same number of queries however many relations it has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = pytest.mark.django_db


def html_of(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def assert_common_fiche_parts(html: str, page):
    assert f"<h1>{page.title}</h1>" in html
    assert page.summary in html
    assert "Bron: Analyserapport Leerkr@cht.net, fiche B.6.14" in html
    assert "Laatst nagekeken op" in html and "17 mei 2024" in html
    assert 'href="/zoeken/?digcompedu=2"' in html
    assert 'href="/zoeken/?digcompedu=2.1"' in html
    assert 'href="/zoeken/?pijler=aanbod"' in html
    assert "Professionalisering op maat" in html
    assert "Lager onderwijs" in html and "programmeren" in html
    assert "GEHEIME-REDACTIENOTITIE" not in html
    assert 'lang="nl-BE"' in html


def test_actor_page_shows_every_field(client, site_tree):
    group = factories.partner_group("Nascholing")
    actor = factories.actor("Codeschool", group=group)
    action = factories.action("Leer programmeren", organisers=[actor])
    html = html_of(client, actor)
    assert_common_fiche_parts(html, actor)
    for text in [
        "Korte beschrijving van de actor.",
        "Doel van de actor.",
        "Leerkrachten lager onderwijs.",
        "<li>eerste taak</li>",
        "https://actor.example.be/",
        "info@actor.example.be",
        "2,5 FTE",
        "1.200 leerkrachten per jaar",
        f'href="{group.url}"',
        f'href="{action.url}"',
    ]:
        assert text in html, text


def test_action_page_shows_every_field(client, site_tree):
    actor = factories.actor("Organisator")
    action = factories.action("Webinar robotica", organisers=[actor])
    html = html_of(client, action)
    assert_common_fiche_parts(html, action)
    for text in [
        "Korte beschrijving van de actie.",
        "Georganiseerd in samenwerking met partners.",
        "Aanpak in drie stappen.",
        "Verwachte resultaten.",
        "Elk schooljaar.",
        "Gefinancierd door de Vlaamse overheid.",
        "Gratis",
        "Afgelopen",
        "1 september 2019",
        "30 juni 2021",
        "Leerlingen nemen zelf deel",
        "A1 Nieuwkomer",
        "Webinar",
        "Computationeel denken en handelen",
        "https://actie.example.be/inschrijven",
        f'href="{actor.url}"',
    ]:
        assert text in html, text


def test_partner_group_page_shows_role_swot_and_actors(client, site_tree):
    group = factories.partner_group("Lerarenopleidingen")
    actor = factories.actor("Hogeschool", group=group)
    html = html_of(client, group)
    assert_common_fiche_parts(html, group)
    assert "Rol van de partnergroep in de transformatie." in html
    for quadrant in ["sterkten", "zwakten", "kansen", "bedreigingen"]:
        assert f'id="{quadrant}"' in html
    assert "Dreiging van besparingen" in html and "Kansen" in html and "Opportuniteiten" not in html
    assert f'href="{actor.url}"' in html


def test_good_practice_page_shows_swot_and_relations(client, site_tree):
    actor = factories.actor("Mediaorganisatie")
    action = factories.action("Mediacoachopleiding", organisers=[actor])
    practice = factories.good_practice("Traject mediacoach", actors=[actor], actions=[action])
    html = html_of(client, practice)
    assert_common_fiche_parts(html, practice)
    for text in [
        "Wat de praktijk is.",
        "Waarom ze inspireert.",
        'id="kansen"',
        f'href="{actor.url}"',
        f'href="{action.url}"',
    ]:
        assert text in html, text


def test_a_draft_is_not_public(client, site_tree):
    draft = factories.actor("Nog niet klaar", live=False)
    assert client.get("/actoren/").content.decode().count("Nog niet klaar") == 0
    assert client.get(f"/actoren/{draft.slug}/").status_code == 404


def test_a_draft_organiser_is_not_linked_from_a_live_action(client, site_tree):
    draft = factories.actor("Verborgen organisator", live=False)
    action = factories.action("Open actie", organisers=[draft])
    assert "Verborgen organisator" not in html_of(client, action)


def test_index_pages_list_live_fiches(client, site_tree):
    actor = factories.actor("Zichtbare actor")
    html = client.get("/actoren/").content.decode()
    assert f'href="{actor.url}"' in html and "Samenvatting van Zichtbare actor." in html


def queries_for(client, page) -> int:
    client.get(page.url)  # warm the caches (site root, browse results) as a live site has them
    with CaptureQueriesContext(connection) as context:
        assert client.get(page.url).status_code == 200
    return len(context.captured_queries)


def test_query_count_does_not_grow_with_relations(client, site_tree):
    small_group = factories.partner_group("Kleine groep")
    big_group = factories.partner_group("Grote groep")
    small_actor = factories.actor("Kleine actor", group=small_group)
    big_actors = [factories.actor(f"Actor {n}", group=big_group) for n in range(20)]
    small_action = factories.action("Kleine actie", organisers=[small_actor])
    big_action = factories.action("Grote actie", organisers=big_actors)
    for n in range(20):
        factories.action(f"Actie {n}", organisers=[big_actors[0]])
    small_practice = factories.good_practice("Kleine praktijk", actors=[small_actor], actions=[small_action])
    big_practice = factories.good_practice("Grote praktijk", actors=big_actors, actions=[big_action])

    client.get("/")  # warm the site-root cache so both measurements start alike
    pairs = [
        (small_group, big_group),
        (small_actor, big_actors[0]),
        (small_action, big_action),
        (small_practice, big_practice),
    ]
    for small, big in pairs:
        assert queries_for(client, small) == queries_for(client, big), small.specific_class.__name__


def test_index_query_count_does_not_grow_with_its_fiches(client, site_tree):
    from actors.models import ActorIndexPage

    index = site_tree.index_for(ActorIndexPage)
    for n in range(3):
        factories.actor(f"Eerste {n}")
    client.get("/")
    few = queries_for(client, index)
    for n in range(20):
        factories.actor(f"Volgende {n}")
    assert queries_for(client, index) == few
