"""The editors' admin: the organisers field is a searchable multi-select, and avatars never call an
outside service."""

import pytest
from django.contrib.auth import get_user_model

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(
        get_user_model().objects.create_superuser("baas", "baas@example.be", "een-lang-wachtwoord")
    )
    return client


def test_the_organisers_field_is_a_searchable_multi_select(admin_client, site_tree):
    actors = [factories.actor(f"Organisatie {n}") for n in range(3)]
    action = factories.action("Actie met organisatoren", organisers=[actors[2]])
    html = admin_client.get(f"/admin/pages/{action.pk}/edit/").content.decode()
    assert "data-searchable-checkboxes" in html and 'data-filter-label="Zoek een organisatie"' in html
    assert "portal/admin-filter-select.js" in html
    assert '<select name="organisers"' not in html  # not the long list box any more
    box = html.split("data-searchable-checkboxes")[-1]  # the rendered field (not its escaped copy)
    assert box.index("Organisatie 2") < box.index("Organisatie 0")  # the chosen one first


def test_avatars_never_call_an_outside_service(admin_client, site_tree):
    html = admin_client.get("/admin/").content.decode()
    assert "gravatar" not in html.lower()
