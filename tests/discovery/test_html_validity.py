"""Every public page type is valid HTML according to the Nu Html Checker (tests/vnu.py)."""

import pytest

from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.engine_independent]


def _add_session(action):
    import datetime

    from django.utils import timezone

    from actors.models import ActionSession

    start = timezone.now() + datetime.timedelta(days=9)
    action.sessions = [
        ActionSession(start=start, end=start + datetime.timedelta(hours=2), location="Gent", seats=20)
    ]
    action.save_revision().publish()


def test_public_pages_have_no_html_errors(client, site_tree, vnu):
    group = factories.partner_group("Pedagogische begeleiding")
    actor = factories.actor("Mediawijs", group=group)
    action = factories.action("Mediacoach", organisers=[actor])
    practice = factories.good_practice("Traject mediacoach", actors=[actor], actions=[action])
    _add_session(action)
    pages = {
        "home": "/",
        "zoeken": "/zoeken/?q=media&gratis=ja",
        "zoeken-leeg": "/zoeken/?q=onvindbaarwoord",
        "zoeken-deels": "/zoeken/?q=mediacoach+traject+onvindbaarwoord",  # "Ontbreekt: …" on the hits
        "aanbod": "/aanbod/",
        "landschap": "/landschap/",
        "swot": "/landschap/swot/",
        "actor": actor.url,
        "actie": action.url,
        "goodpractice": practice.url,
        "partnergroep": group.url,
        "digcompedu": "/digcompedu/2/",
        "pijler": "/pijlers/aanbod/",
        "404": "/bestaat-niet/",
        "agenda": "/agenda/",
        "over": "/over/",
        "toegankelijkheid": "/toegankelijkheid/",
        "aanmelden": "/aanbod/aanmelden/",
        "melden": f"/melden/{action.pk}/",
        "bedankt": "/melden/bedankt/",
        "landschap-aandeel": "/landschap/?weergave=aandeel",
    }
    html = {name: client.get(url).content for name, url in pages.items()}
    assert b"Ontbreekt: onvindbaarwoord" in html["zoeken-deels"]
    # a form sent back with errors
    html["aanmelden-fouten"] = client.post("/aanbod/aanmelden/", {"email": "x"}).content
    vnu(html)
