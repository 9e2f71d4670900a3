""" "Te herzien" plans the review of the report's fiches in waves per partner group and month, and
exports the plan with Dutch headings and plain values."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model

from editorial.review import review_plan
from tests import factories

pytestmark = pytest.mark.django_db


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
