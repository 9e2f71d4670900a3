"""Honest dates: "Laatst bijgewerkt" is the last published content change, report fiches say where
they come from until reviewed, and "Te herzien" plans review waves per partner group."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model

from actors.models import ActionPage
from editorial.review import mark_reviewed, review_plan
from tests import factories

pytestmark = pytest.mark.django_db
PROVENANCE = 'Bron: analyserapport 2020 (<time datetime="2020-04-03">3 april 2020</time>), nog niet herzien'


def test_a_loaded_report_fiche_shows_its_source_not_its_load_date(client, inventory):
    page = ActionPage.objects.get(slug="cybersimpel")
    assert page.last_reviewed == datetime.date(2020, 4, 3)
    html = client.get(page.url).content.decode()
    assert PROVENANCE in html
    assert "Laatst bijgewerkt op" not in html and "Laatst nagekeken op" not in html

    page.summary = "Een nieuwe samenvatting, door een redacteur."
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Laatst bijgewerkt op" in html and PROVENANCE in html  # changed, but not yet reviewed

    mark_reviewed([page])
    html = client.get(page.url).content.decode()
    assert PROVENANCE not in html and "Laatst nagekeken op" in html


def test_republishing_without_a_content_change_keeps_the_update_date(site_tree):
    page = factories.action("Ongewijzigd")
    first = ActionPage.objects.get(pk=page.pk).content_updated_at
    assert first is not None
    ActionPage.objects.filter(pk=page.pk).update(
        content_updated_at=datetime.datetime(2023, 1, 2, tzinfo=datetime.UTC)
    )
    page = ActionPage.objects.get(pk=page.pk)
    mark_reviewed([page], today=datetime.date(2025, 1, 1))  # republishes with only a new review date
    page.refresh_from_db()
    assert page.content_updated_at == datetime.datetime(2023, 1, 2, tzinfo=datetime.UTC)
    page.title = "Gewijzigd"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.content_updated_at.date() == datetime.date.today()


def test_the_review_plan_counts_per_partner_group_and_month(site_tree):
    group = factories.partner_group("Lerarenopleidingen")
    actor = factories.actor("Hogeschool", group=group)
    action = factories.action("Vorming", organisers=[actor])
    factories.actor("Losse actor")
    today = datetime.date(2025, 3, 15)
    # the group itself and the actor are overdue, the action falls due in May 2025
    type(group).objects.filter(pk=group.pk).update(last_reviewed=datetime.date(2020, 4, 3))
    type(actor).objects.filter(pk=actor.pk).update(last_reviewed=datetime.date(2024, 1, 1))
    type(action).objects.filter(pk=action.pk).update(last_reviewed=datetime.date(2024, 5, 10))
    plan = review_plan(today=today, months=3)
    assert plan["months"] == [datetime.date(2025, 4, 1), datetime.date(2025, 5, 1), datetime.date(2025, 6, 1)]
    rows = {row["group"]: row for row in plan["rows"]}
    assert rows["Lerarenopleidingen"]["overdue"] == 2 and rows["Lerarenopleidingen"]["months"] == [0, 1, 0]
    assert rows["Zonder partnergroep"]["months"] == [0, 1, 0]  # the loose actor: reviewed 2024-05-17


def test_the_review_export_has_dutch_headings_and_plain_values(client, site_tree):
    client.force_login(
        get_user_model().objects.create_superuser("baas", "b@example.be", "een-lang-wachtwoord")
    )
    page = factories.action("Oude fiche")
    type(page).objects.filter(pk=page.pk).update(last_reviewed=datetime.date(2019, 1, 1))
    html = client.get("/admin/redactie/te-herzien/").content.decode()
    assert "Planning per partnergroep" in html
    response = client.get("/admin/redactie/te-herzien/?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == ["Titel", "Laatst nagekeken", "Publicatiestatus", "Soort", "Link"]
    assert rows[1][:4] == ["Oude fiche", "2019-01-01", "gepubliceerd", "Aanbod"]
    assert "Status string" not in response and "|" not in rows[1][3]
