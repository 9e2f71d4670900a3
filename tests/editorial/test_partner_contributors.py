"""Partner contributors: an account linked to an actor keeps that actor's fiche and offers up to
date, submits its changes for review, never publishes, and never sees another organisation's drafts."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, WorkflowState

from actors.models import ActionIndexPage, ActionPage
from editorial.models import PartnerContributor
from tests import factories
from tests.admin_forms import form_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(site_tree):
    own, other = factories.actor("Kennisnet Vlaanderen"), factories.actor("Andere organisatie")
    partner = get_user_model().objects.create_user("partner", "partner@example.be", "een-lang-wachtwoord")
    PartnerContributor.objects.create(user=partner).actors.set([own])
    return {
        "partner": partner,
        "own": own,
        "other": other,
        "own_action": factories.action("Vorming digitale toetsen", organisers=[own]),
        "other_action": factories.action("Ander aanbod", organisers=[other]),
        "other_draft": factories.action("Geheim concept van een ander", organisers=[other], live=False),
    }


@pytest.fixture
def partner_client(client, world):
    client.force_login(world["partner"])
    return client


def test_a_partner_may_edit_its_own_fiche_and_actions_and_never_publish(world):
    partner = world["partner"]
    for page in (world["own"], world["own_action"]):
        rights = page.permissions_for_user(partner)
        assert rights.can_edit() and not rights.can_publish() and not rights.can_unpublish()
    for page in (world["other"], world["other_action"], world["other_draft"]):
        assert not page.permissions_for_user(partner).can_edit()
    assert ActionIndexPage.objects.get().permissions_for_user(partner).can_add_subpage()
    assert partner.groups.filter(name="Partnerbijdrager").exists()


def test_a_partner_cannot_open_another_actors_fiche_in_the_editor(partner_client, world):
    assert partner_client.get(f"/admin/pages/{world['own'].pk}/edit/").status_code == 200
    assert partner_client.get(f"/admin/pages/{world['own_action'].pk}/edit/").status_code == 200
    for page in ("other", "other_action", "other_draft"):
        for url in (f"/admin/pages/{world[page].pk}/edit/", f"/admin/pages/{world[page].pk}/edit/preview/"):
            response = partner_client.get(url)
            assert response.status_code in (302, 403), url
            assert world[page].title not in response.content.decode()


def test_a_partner_sees_no_other_drafts_anywhere_in_the_admin(wagtail_search_index, partner_client, world):
    secret = world["other_draft"].title
    root = Page.objects.get(depth=1)
    for url in [
        "/admin/",
        "/admin/redactie/mijn-fiches/",
        "/admin/pages/",
        f"/admin/pages/{world['other_draft'].get_parent().pk}/",
        "/admin/pages/search/?q=Geheim",
        f"/admin/api/main/pages/?child_of={world['other_draft'].get_parent().pk}&for_explorer=1",
        f"/admin/api/main/pages/?descendant_of={root.pk}&search=Geheim",
        "/admin/choose-page/",
        f"/admin/choose-page/{world['other_draft'].get_parent().pk}/",
        "/admin/choose-page/search/?q=Geheim",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/redactie/te-herzien/",
        "/admin/redactie/kwaliteit/",
        "/admin/redactie/zonder-resultaat/",
        "/admin/redactie/importeren/",
        "/admin/partnerbijdragers/",
        f"/admin/pages/{world['other_draft'].pk}/history/",
        f"/admin/pages/{world['other_draft'].pk}/usage/",
        f"/admin/pages/{world['other_draft'].pk}/revisions/{world['other_draft'].latest_revision_id}/view/",
        f"/admin/pages/{world['other_draft'].pk}/copy/",
        f"/admin/pages/{world['other_draft'].pk}/delete/",
    ]:
        response = partner_client.get(url)
        assert response.status_code in (200, 302, 400, 403, 404), url
        assert secret not in response.content.decode(), url


def test_my_fiches_lists_the_partners_own_work_with_edit_links(partner_client, world):
    html = partner_client.get("/admin/redactie/mijn-fiches/").content.decode()
    assert f"/admin/pages/{world['own'].pk}/edit/" in html
    assert f"/admin/pages/{world['own_action'].pk}/edit/" in html
    assert "Ander aanbod" not in html and "Andere organisatie" not in html
    assert "/admin/pages/add/actors/actionpage/" in html
    assert "gepubliceerd" in html
    dashboard = partner_client.get("/admin/").content.decode()
    assert "Mijn fiches" in dashboard and "Vorming digitale toetsen" in dashboard


def test_a_partner_does_not_see_the_editors_private_fields(partner_client, world):
    own = world["own"]
    own.editor_notes = "Interne notitie van de redactie"
    own.save_revision().publish()
    html = partner_client.get(f"/admin/pages/{own.pk}/edit/").content.decode()
    assert "Interne notitie van de redactie" not in html and 'name="editor_notes"' not in html
    assert 'name="partner_group"' not in html and 'name="source_reference"' not in html


def test_a_partner_submits_a_change_for_review_and_it_stays_unpublished(partner_client, world):
    own = world["own"]
    url = f"/admin/pages/{own.pk}/edit/"
    notes = own.editor_notes
    data = form_values(partner_client.get(url).content.decode(), "form#page-edit-form")
    data["goal"] = ["Een nieuw doel, ingediend door de partner."]
    data["action-publish"] = ["action-publish"]  # a forged publish is refused
    partner_client.post(url, data)
    own.refresh_from_db()
    assert own.goal != "Een nieuw doel, ingediend door de partner."

    del data["action-publish"]
    data["action-submit"] = ["action-submit"]
    response = partner_client.post(url, data)
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.goal != "Een nieuw doel, ingediend door de partner."  # live page unchanged
    assert own.get_latest_revision_as_object().goal == "Een nieuw doel, ingediend door de partner."
    assert own.get_latest_revision_as_object().editor_notes == notes  # hidden fields are kept
    state = WorkflowState.objects.get(object_id=str(own.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == world["partner"]
    assert (
        "wacht op controle door de redactie"
        in partner_client.get("/admin/redactie/mijn-fiches/").content.decode()
    )


def test_a_partner_adds_an_action_for_its_own_organisation_only(partner_client, world):
    index = ActionIndexPage.objects.get()
    url = f"/admin/pages/add/actors/actionpage/{index.pk}/"
    html = partner_client.get(url).content.decode()
    assert world["other_draft"].title not in html  # not even as a choice of organiser
    data = form_values(html, "form#page-edit-form")
    assert data["organisers"] == [str(world["own"].pk)]  # filled in for a new action
    data.update(
        {"title": ["Nieuwe vorming AI"], "summary": ["Een vorming over AI in de klas."], "slug": ["ai"]}
    )
    data["organisers"] = [str(world["other"].pk)]
    response = partner_client.post(url, {**data, "action-submit": ["1"]})
    assert "Kies minstens één van je eigen organisaties" in response.content.decode()
    assert not ActionPage.objects.filter(title="Nieuwe vorming AI").exists()

    data["organisers"] = [str(world["own"].pk), str(world["other"].pk)]
    partner_client.post(url, {**data, "action-submit": ["1"]})
    created = ActionPage.objects.get(title="Nieuwe vorming AI")
    assert not created.live and created.owner == world["partner"]
    assert set(created.organisers.values_list("pk", flat=True)) == {world["own"].pk, world["other"].pk}
    assert WorkflowState.objects.get(object_id=str(created.pk)).status == WorkflowState.STATUS_IN_PROGRESS
    assert created.permissions_for_user(world["partner"]).can_edit()


def test_an_administrator_links_an_account_to_actors(client, world):
    admin = get_user_model().objects.create_user("beheer", "beheer@example.be", "een-lang-wachtwoord")
    admin.groups.add(Group.objects.get(name="Beheerder"))
    newcomer = get_user_model().objects.create_user("nieuw", "nieuw@example.be", "een-lang-wachtwoord")
    client.force_login(admin)
    assert client.get("/admin/partnerbijdragers/").status_code == 200
    response = client.post(
        "/admin/partnerbijdragers/new/", {"user": newcomer.pk, "actors": [world["other"].pk]}
    )
    assert response.status_code == 302
    assert newcomer.groups.filter(name="Partnerbijdrager").exists()
    newcomer = get_user_model().objects.get(pk=newcomer.pk)
    assert world["other_action"].permissions_for_user(newcomer).can_edit()
    assert not world["own_action"].permissions_for_user(newcomer).can_edit()


def test_a_redacteur_cannot_manage_partner_accounts(client, world):
    writer = get_user_model().objects.create_user("schrijver", "s@example.be", "een-lang-wachtwoord")
    writer.groups.add(Group.objects.get(name="Redacteur"))
    client.force_login(writer)
    assert client.get("/admin/partnerbijdragers/").status_code in (302, 403)
    assert client.get("/admin/redactie/importeren/").status_code == 200


def test_reviewers_are_mailed_and_the_partner_hears_of_a_rejection(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    reviewer = get_user_model().objects.create_user("nalezer", "nalezer@example.be", "een-lang-wachtwoord")
    reviewer.groups.add(Group.objects.get(name="Eindredacteur"))
    partner, own = world["partner"], world["own_action"]
    with django_capture_on_commit_callbacks(execute=True):
        own.get_workflow().start(own, partner)
    assert [message.to for message in mailoutbox] == [["nalezer@example.be"]]
    assert own.title in mailoutbox[0].subject

    mailoutbox.clear()
    task_state = WorkflowState.objects.get(object_id=str(own.pk)).current_task_state.specific
    with django_capture_on_commit_callbacks(execute=True):
        task_state.task.specific.on_action(task_state, reviewer, "reject", comment="Vul de doelgroep aan.")
    assert [message.to for message in mailoutbox] == [["partner@example.be"]]
    assert "Vul de doelgroep aan." in mailoutbox[0].body


def test_a_partner_adds_a_session_to_its_own_offer_for_review(partner_client, world):
    action = world["own_action"]
    url = f"/admin/pages/{action.pk}/edit/"
    data = form_values(partner_client.get(url).content.decode(), "form#page-edit-form")
    assert data["sessions-TOTAL_FORMS"] == ["0"]
    data.update(
        {
            "sessions-TOTAL_FORMS": ["1"],
            "sessions-0-start": ["2031-05-04 13:30"],
            "sessions-0-end": ["2031-05-04 16:00"],
            "sessions-0-course_mode": ["onsite"],
            "sessions-0-location": ["Antwerpen"],
            "sessions-0-language": ["nl"],
            "sessions-0-status": ["open"],
            "sessions-0-ORDER": ["1"],
            "action-submit": ["action-submit"],
        }
    )
    response = partner_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    action.refresh_from_db()
    assert action.sessions.count() == 0  # not public before review
    draft = action.get_latest_revision_as_object()
    assert [s.location for s in draft.sessions.all()] == ["Antwerpen"]
