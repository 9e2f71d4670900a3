"""The fiche form in the admin: ticking a DigCompEdu competence ticks its area too."""

import pytest
from django.contrib.auth import get_user_model

from portal.taxonomy import DigCompEduArea, DigCompEduCompetence
from tests import factories
from tests.admin_forms import form_values

pytestmark = pytest.mark.django_db


def test_ticking_a_competence_ticks_its_area(client, site_tree):
    client.force_login(get_user_model().objects.create_superuser("redactie", "r@example.be", "x-lang-ww"))
    page = factories.action("Fiche met competenties")
    url = f"/admin/pages/{page.pk}/edit/"
    data = form_values(client.get(url).content.decode(), "form#page-edit-form")
    competence = DigCompEduCompetence.objects.get(code="3.1")
    assert str(competence.area_id) not in data["digcompedu_areas"]
    data["digcompedu_competences"] = [*data["digcompedu_competences"], str(competence.pk)]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    assert {area.code for area in draft.digcompedu_areas.all()} == {"2", "3", "6"}
    assert DigCompEduArea.objects.get(pk=competence.area_id).code == "3"
