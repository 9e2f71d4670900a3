"""The session inline keeps what an editor typed: ISO and nl-BE dates are read, anything else is
refused with the expected format, never silently replaced by the current date and time."""

import datetime
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from tests import factories
from tests.admin_forms import form_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, site_tree):
    client.force_login(get_user_model().objects.create_superuser("redactie", "r@example.be", "x-lang-ww"))
    return client


def _edit_with_session(client, action, start: str):
    url = f"/admin/pages/{action.pk}/edit/"
    data = form_values(client.get(url).content.decode(), "form#page-edit-form")
    data.update(
        {
            "sessions-TOTAL_FORMS": ["1"],
            "sessions-0-start": [start],
            "sessions-0-end": [""],
            "sessions-0-course_mode": ["online"],
            "sessions-0-location": [""],
            "sessions-0-language": ["nl"],
            "sessions-0-status": ["open"],
            "sessions-0-ORDER": ["1"],
        }
    )
    return client.post(url, data)


@pytest.mark.parametrize("typed", ["2027-01-20 14:00", "20/01/2027 14:00", "20-01-2027 14:00"])
def test_iso_and_belgian_date_times_are_both_read(editor_client, typed):
    action = factories.action("Vorming toetsen")
    response = _edit_with_session(editor_client, action, typed)
    assert response.status_code == 302, response.content.decode()[:3000]
    action.refresh_from_db()
    draft = action.get_latest_revision_as_object()
    [session] = draft.sessions.all()
    assert timezone.localtime(session.start).replace(tzinfo=None) == datetime.datetime(2027, 1, 20, 14, 0)


def test_an_unreadable_date_time_is_refused_with_the_format_and_kept(editor_client):
    action = factories.action("Vorming toetsen")
    response = _edit_with_session(editor_client, action, "volgende dinsdag 14u")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Schrijf ze als dd/mm/jjjj uu:mm" in html
    assert 'value="volgende dinsdag 14u"' in html  # the typed text stays, for the editor to fix
    action.refresh_from_db()
    assert not action.get_latest_revision_as_object().sessions.exists()


def test_the_picker_never_replaces_typed_text_and_shows_the_format(editor_client):
    action = factories.action("Vorming toetsen")
    html = editor_client.get(f"/admin/pages/{action.pk}/edit/").content.decode()
    configs = [
        json.loads(config)
        for config in re.findall(r'initDateTimeChooser\("[^"]*sessions[^"]*", (\{.*?\})\);', html)
    ]
    assert configs and all(config["validateOnBlur"] is False for config in configs)
    assert 'placeholder="dd/mm/jjjj uu:mm"' in html
