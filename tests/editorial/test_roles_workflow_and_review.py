"""Editors' roles, the moderation workflow, the review cycle and the dashboard."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from editorial.review import fiches_due_for_review, mark_reviewed, months_before
from search.backends.database import DatabaseBackend
from search.params import SearchParams
from tests import factories

pytestmark = pytest.mark.django_db


def user_in(role: str, name: str):
    user = get_user_model().objects.create_user(name, f"{name}@example.be", "een-lang-wachtwoord")
    user.groups.add(Group.objects.get(name=role))
    return user


def test_the_three_roles_exist_with_their_rights(site_tree):
    assert set(Group.objects.values_list("name", flat=True)) >= {"Redacteur", "Eindredacteur", "Beheerder"}
    page = factories.action("Een actie")
    writer, reviewer, admin = (
        user_in("Redacteur", "schrijver"),
        user_in("Eindredacteur", "nalezer"),
        user_in("Beheerder", "beheer"),
    )
    assert (
        page.permissions_for_user(writer).can_edit() and not page.permissions_for_user(writer).can_publish()
    )
    assert (
        page.permissions_for_user(reviewer).can_publish()
        and page.permissions_for_user(reviewer).can_unpublish()
    )
    assert reviewer.has_perm("portal.change_pillar") and not writer.has_perm("portal.change_pillar")
    assert reviewer.has_perm("wagtailredirects.add_redirect")
    assert admin.has_perm("auth.add_user") and not reviewer.has_perm("auth.add_user")


def test_submit_approve_publishes_and_indexes(site_tree):
    writer, reviewer = user_in("Redacteur", "schrijver"), user_in("Eindredacteur", "nalezer")
    page = factories.action("Workshop podcasts maken", live=False)
    workflow = page.get_workflow()
    assert workflow.name == "Redactionele controle"
    workflow.start(page, writer)
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state.specific, reviewer, "approve")
    page.refresh_from_db()
    assert page.live
    assert [h.title for h in DatabaseBackend().search(SearchParams(q="podcasts")).hits] == [
        "Workshop podcasts maken"
    ]


def test_reject_sends_it_back_unpublished(site_tree):
    writer, reviewer = user_in("Redacteur", "schrijver"), user_in("Eindredacteur", "nalezer")
    page = factories.action("Onaf concept", live=False)
    page.get_workflow().start(page, writer)
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    task_state.task.specific.on_action(task_state.specific, reviewer, "reject")
    page.refresh_from_db()
    assert not page.live
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == WorkflowState.STATUS_NEEDS_CHANGES


def test_review_due_lists_old_fiches_oldest_first(site_tree, settings):
    settings.REVIEW_INTERVAL_MONTHS = 12
    today = datetime.date(2026, 11, 25)
    old, older, fresh = factories.action("Oud"), factories.actor("Ouder"), factories.action("Vers")
    for page, date in (
        (old, datetime.date(2025, 6, 1)),
        (older, datetime.date(2024, 1, 1)),
        (fresh, datetime.date(2026, 5, 1)),
    ):
        type(page).objects.filter(pk=page.pk).update(last_reviewed=date)
    assert [p.title for p in fiches_due_for_review(today)] == ["Ouder", "Oud"]
    assert months_before(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)


def test_mark_reviewed_sets_today_and_keeps_drafts_drafts(site_tree):
    live = factories.action("Gepubliceerd")
    with_draft = factories.action("Met concept")
    with_draft.title = "Nieuwe titel in concept"
    with_draft.save_revision()
    today = datetime.date(2026, 11, 25)
    assert mark_reviewed(Page.objects.filter(pk__in=[live.pk, with_draft.pk]), today=today) == 2
    live.refresh_from_db()
    with_draft.refresh_from_db()
    assert live.last_reviewed == today and with_draft.last_reviewed == today
    assert with_draft.title == "Met concept" and with_draft.has_unpublished_changes


@pytest.fixture
def admin_client(client):
    client.force_login(
        get_user_model().objects.create_superuser("baas", "baas@example.be", "een-lang-wachtwoord")
    )
    return client


def test_the_review_report_and_its_export_in_the_admin(admin_client, site_tree):
    page = factories.action("Al lang niet bekeken")
    type(page).objects.filter(pk=page.pk).update(last_reviewed=datetime.date(2019, 1, 1))
    html = admin_client.get("/admin/redactie/te-herzien/").content.decode()
    assert "Te herzien" in html and "Al lang niet bekeken" in html
    csv = admin_client.get("/admin/redactie/te-herzien/?export=csv")
    assert csv.status_code == 200 and "Al lang niet bekeken" in b"".join(csv.streaming_content).decode()


def test_the_bulk_action_and_the_dashboard_panel(admin_client, site_tree):
    page = factories.action("Bulk na te kijken")
    type(page).objects.filter(pk=page.pk).update(last_reviewed=datetime.date(2019, 1, 1))
    assert "te herzien" in admin_client.get("/admin/").content.decode()
    url = f"/admin/bulk/wagtailcore/page/mark_reviewed/?next=/admin/&id={page.pk}"
    assert "Markeer als nagekeken" in admin_client.get(url).content.decode()
    response = admin_client.post(url)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.last_reviewed == timezone.localdate()


def test_searches_are_counted_without_personal_data_and_zero_results_reported(
    admin_client, client, site_tree
):
    from wagtail.contrib.search_promotions.models import Query

    from editorial.models import ZeroResultQuery

    factories.action("Robotica in de klas")
    client.get("/zoeken/", {"q": "Robotica"})
    client.get("/api/zoeken/", {"q": "robotica "})
    client.get("/zoeken/", {"q": "onbestaandwoord"})
    assert Query.get("robotica").hits == 2
    assert list(ZeroResultQuery.objects.values_list("query_string", "hits")) == [("onbestaandwoord", 1)]
    field_names = {f.name for f in ZeroResultQuery._meta.fields}
    assert field_names == {"id", "query_string", "date", "hits"}  # nothing about who searched
    html = admin_client.get("/admin/redactie/zonder-resultaat/?periode=30").content.decode()
    assert "onbestaandwoord" in html
    assert "1</strong> zoekopdracht zonder resultaat" in admin_client.get("/admin/").content.decode()


def test_promoted_pages_come_first_and_are_marked(client, site_tree):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    factories.action("Robotica voor beginners")
    chosen = factories.actor("Robotica-academie")
    SearchPromotion.objects.create(query=Query.get("robotica"), page=chosen, sort_order=0)
    data = client.get("/api/zoeken/", {"q": "robotica", "type": "actor"}).json()
    assert data["results"][0]["title"] == "Robotica-academie" and data["results"][0]["promoted"] is True
    assert [r["title"] for r in data["results"]].count("Robotica-academie") == 1
    assert "Aanbevolen" in client.get("/zoeken/", {"q": "robotica"}).content.decode()
    # a promotion respects the filters
    data = client.get("/api/zoeken/", {"q": "robotica", "type": "actie"}).json()
    assert all(not r["promoted"] for r in data["results"])


def test_the_quality_report_names_each_problem_with_an_edit_link(admin_client, site_tree):
    import datetime as dt

    from actors.models import ActionPage

    bare = factories.action("Kale actie")
    bare.pillars = []
    bare.levels = []
    bare.save_revision().publish()
    ActionPage.objects.filter(pk=bare.pk).update(end_date=dt.date(2020, 1, 1), self_paced=True)
    factories.actor("Dubbel")
    factories.actor("dubbel")
    from editorial.quality import quality_problems

    found = {(p.page.title, p.problem) for p in quality_problems()}
    assert ("Kale actie", "geen pijler") in found and ("Kale actie", "geen organisator") in found
    assert ("Kale actie", "geen competentieniveau") in found
    assert ("Kale actie", "doorlopend aanbod maar einddatum 01/01/2020 is voorbij") in found
    assert ("Dubbel", "titel komt meer dan eens voor") in found and (
        "dubbel",
        "titel komt meer dan eens voor",
    ) in found
    html = admin_client.get("/admin/redactie/kwaliteit/").content.decode()
    assert f"/admin/pages/{bare.pk}/edit/" in html and "geen organisator" in html


def test_importing_in_the_admin_previews_then_makes_drafts(admin_client, site_tree):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from actors.models import ActionPage

    text = (
        "B.7.1. Robotica in de klas\n\nRobotica in de klas\n\nKorte beschrijving\n\nEen vorming over robots.\n\n"
        "Organisatie\n\nOnbekende vzw\n\n"
        "B.7.2. Podcasts maken\n\nPodcasts maken\n\nKorte beschrijving\n\nLeerlingen maken een podcast.\n"
    )
    upload = SimpleUploadedFile("fiches.txt", text.encode("utf-8"), content_type="text/plain")
    preview = admin_client.post("/admin/redactie/importeren/", {"file": upload}).content.decode()
    assert "2 fiches gevonden" in preview and "organisator niet gevonden in de inventaris" in preview
    assert ActionPage.objects.count() == 0  # a preview writes nothing
    done = admin_client.post("/admin/redactie/importeren/", {"fiche": ["B.7.2"]}).content.decode()
    assert "1 concept aangemaakt" in done
    draft = ActionPage.objects.get()
    assert draft.title == "Podcasts maken" and not draft.live
    assert f"/admin/pages/{draft.pk}/edit/" in done


@pytest.mark.parametrize("content", [b"", b"\x00\x01binair\x00", b"Gewone tekst zonder fiches."])
def test_a_bad_import_file_changes_nothing(admin_client, site_tree, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    pages = Page.objects.count()
    upload = SimpleUploadedFile("fiches.txt", content, content_type="text/plain")
    response = admin_client.post("/admin/redactie/importeren/", {"file": upload}, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Er is niets geïmporteerd" in html or "Het ingediende bestand is leeg" in html or "leeg" in html
    assert Page.objects.count() == pages


def test_anonymous_visitors_reach_no_admin_view(client, site_tree):
    draft = factories.action("Verborgen concept", live=False)
    for url in [
        "/admin/",
        "/admin/redactie/te-herzien/",
        "/admin/redactie/importeren/",
        f"/admin/pages/{draft.pk}/edit/",
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url
    assert client.get(f"/aanbod/{draft.slug}/").status_code == 404


def test_reject_with_comment_then_resubmit_and_approve(site_tree):
    from wagtail.models import TaskState

    writer, reviewer = user_in("Redacteur", "schrijver"), user_in("Eindredacteur", "nalezer")
    page = factories.action("Vorming over drones", live=False)
    workflow = page.get_workflow()
    workflow.start(page, writer)
    state = WorkflowState.objects.get(object_id=str(page.pk))
    task_state = state.current_task_state.specific
    task_state.task.specific.on_action(task_state, reviewer, "reject", comment="Vul de doelgroep aan.")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert TaskState.objects.filter(workflow_state=state, comment="Vul de doelgroep aan.").exists()
    page.audience_text = "Leerkrachten secundair onderwijs."
    page.save_revision(user=writer)
    state.resume(writer)
    state.refresh_from_db()
    task_state = state.current_task_state.specific
    task_state.task.specific.on_action(task_state, reviewer, "approve")
    page.refresh_from_db()
    assert page.live and page.audience_text == "Leerkrachten secundair onderwijs."
    assert [h.title for h in DatabaseBackend().search(SearchParams(q="drones")).hits] == [
        "Vorming over drones"
    ]


def test_fiches_show_when_they_were_last_updated(client, site_tree):
    page = factories.action("Bijgewerkte actie")
    assert "Laatst bijgewerkt op" in client.get(page.url).content.decode()


def test_the_review_report_filters_by_partner_group(admin_client, site_tree):
    group, elsewhere = factories.partner_group("Pedagogische begeleiding"), factories.partner_group("Musea")
    actor = factories.actor("Begeleidingsdienst", group=group)
    fiches = [
        group,
        actor,
        factories.action("Vorming van de begeleiding", organisers=[actor]),
        factories.good_practice("Praktijk met de begeleiding", actors=[actor]),
    ]
    others = [
        elsewhere,
        factories.action("Museumaanbod", organisers=[factories.actor("Museum", group=elsewhere)]),
    ]
    for page in fiches + others:
        type(page).objects.filter(pk=page.pk).update(last_reviewed=datetime.date(2019, 1, 1))
    html = admin_client.get(f"/admin/redactie/te-herzien/?partnergroep={group.pk}").content.decode()
    for page in fiches:
        assert f"/admin/pages/{page.pk}/edit/" in html, page.title
    for page in others:
        assert f"/admin/pages/{page.pk}/edit/" not in html, page.title
    unknown = admin_client.get("/admin/redactie/te-herzien/?partnergroep=999999")
    assert unknown.status_code == 200  # an unknown group is reported by the filter form, no error page
