"""What enters the review workflow and what an approval means: a Redacteur's session import waits for
an Eindredacteur like a page edit, and approving a never-reviewed fiche counts as its first review."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import WorkflowState

from actors.models import ActionPage
from editorial.review import fiches_due_for_review
from tests import factories

pytestmark = pytest.mark.django_db

SESSIONS_CSV = (
    "action;identifier;startDate;endDate;courseMode;location;inLanguage;price;maximumAttendeeCapacity;url;status\n"
    "{slug};S-1;2031-03-04T13:30;2031-03-04T16:00;onsite;Gent;nl;;20;;open\n"
)


def user_in(role: str, name: str):
    user = get_user_model().objects.create_user(name, f"{name}@example.be", "een-lang-wachtwoord")
    user.groups.add(Group.objects.get(name=role))
    return user


def test_a_redacteurs_session_import_waits_in_the_workflow_for_an_eindredacteur(
    client, site_tree, mailoutbox, django_capture_on_commit_callbacks
):
    writer, reviewer = user_in("Redacteur", "schrijver"), user_in("Eindredacteur", "nalezer")
    page = factories.action("Workshop toetsen")
    client.force_login(writer)
    upload = io.BytesIO(SESSIONS_CSV.format(slug=page.slug).encode())
    upload.name = "sessies.csv"
    client.post("/admin/redactie/sessies-importeren/", {"file": upload})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/redactie/sessies-importeren/", {"confirm": "1"}, follow=True)
    assert "1 als concept ter controle" in response.content.decode()

    page.refresh_from_db()
    assert page.sessions.count() == 0  # not public before the review
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == writer
    assert "nalezer@example.be" in [address for mail in mailoutbox for address in mail.to]

    client.force_login(reviewer)
    assert "Workshop toetsen" in client.get("/admin/").content.decode()  # "Wacht op jouw controle"
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state.specific, reviewer, "approve")
    assert [s.location for s in ActionPage.objects.get(pk=page.pk).sessions.all()] == ["Gent"]


def test_a_first_approval_counts_as_a_review(site_tree):
    writer, reviewer = user_in("Redacteur", "schrijver"), user_in("Eindredacteur", "nalezer")
    page = factories.action("Nieuw aanbod", live=False)
    ActionPage.objects.filter(pk=page.pk).update(last_reviewed=None)
    page.refresh_from_db()
    page.save_revision(user=writer)
    assert page.pk in fiches_due_for_review().values_list("pk", flat=True)

    page.get_workflow().start(page, writer)
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    task_state.task.specific.on_action(task_state.specific, reviewer, "approve")

    page.refresh_from_db()
    assert page.live and page.last_reviewed == timezone.localdate()
    assert page.pk not in fiches_due_for_review().values_list("pk", flat=True)
    assert page.get_latest_revision_as_object().last_reviewed == timezone.localdate()


def test_a_later_approval_keeps_the_review_date(site_tree):
    writer, reviewer = user_in("Redacteur", "schrijver"), user_in("Eindredacteur", "nalezer")
    page = factories.action("Bestaand aanbod")
    reviewed = page.last_reviewed
    page.get_workflow().start(page, writer)
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    task_state.task.specific.on_action(task_state.specific, reviewer, "approve")
    page.refresh_from_db()
    assert page.last_reviewed == reviewed
