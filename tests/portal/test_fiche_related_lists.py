"""A fiche's lists of related pages and its breadcrumbs are kept between requests (per content
version) and from the route, yet a visitor sees every publish, unpublish and privacy change at once.
Related offers never repeat the fiche's own organiser's offers and say why they are related."""

import pytest
from wagtail.models import PageViewRestriction

from search.indexing import rebuild
from tests import factories

pytestmark = pytest.mark.django_db


def html_of(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_an_action_shows_a_new_offer_of_its_organiser_right_after_its_publish(client, site_tree):
    organiser = factories.actor("Organisator")
    action = factories.action("Eerste aanbod", organisers=[organiser])
    assert "Tweede aanbod" not in html_of(client, action)  # the lists are kept now
    factories.action("Tweede aanbod", organisers=[organiser])
    assert "Tweede aanbod" in html_of(client, action)
    assert "Tweede aanbod" in html_of(client, organiser)


def test_an_unpublished_organiser_leaves_the_action_and_its_offers_leave_the_actor(client, site_tree):
    organiser = factories.actor("Vertrekkende organisator")
    action = factories.action("Blijvend aanbod", organisers=[organiser])
    assert "Vertrekkende organisator" in html_of(client, action)
    assert "Blijvend aanbod" in html_of(client, organiser)
    organiser.unpublish()
    assert "Vertrekkende organisator" not in html_of(client, action)
    action.unpublish()
    assert client.get(action.url).status_code == 404


def test_a_good_practice_made_private_leaves_the_lists_at_once(client, site_tree):
    organiser = factories.actor("Open organisator")
    action = factories.action("Open aanbod", organisers=[organiser])
    practice = factories.good_practice("Besloten praktijk", actions=[action])
    assert "Besloten praktijk" in html_of(client, action)
    PageViewRestriction.objects.create(page=practice, restriction_type=PageViewRestriction.LOGIN)
    assert "Besloten praktijk" not in html_of(client, action)
    response = client.get(practice.url)
    assert response.status_code == 302 and "/login/" in response["Location"]  # Wagtail's check


def test_the_breadcrumbs_lead_back_through_the_section(client, site_tree):
    action = factories.action("Aanbod met kruimels")
    html = html_of(client, action)
    trail = html[html.index('aria-label="Kruimelpad"') :].split("</nav>")[0]
    assert '<a href="/">Leerkr@cht.net</a>' in trail
    assert '<a href="/aanbod/">' in trail
    assert '<li aria-current="page">Aanbod met kruimels</li>' in trail


def test_related_offers_never_repeat_and_say_why(client, site_tree):
    actor = factories.actor("Organisator")
    page = factories.action("Hoofdactie", organisers=[actor])
    sibling = factories.action("Zusteractie", organisers=[actor])
    other = factories.action("Andere actie")
    rebuild()
    html = client.get(page.url).content.decode()
    related = html.split('id="verwant-titel"')[1].split("</section>")[0]
    assert "Andere actie" in related and "Zusteractie" not in related and "Hoofdactie" not in related
    assert "Zelfde DigCompEdu-domein: 2 " in related
    assert html.count(f'href="{sibling.url}"') == 1 and html.count(f'href="{other.url}"') == 1
