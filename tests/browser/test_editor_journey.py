"""An editor submits a change, a reviewer approves it, the public page shows it; the portal's own
admin views pass axe-core. In Chromium."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tests import factories
from tests.browser.pages import html

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "een-lang-wachtwoord-2026"


def account(name: str, role: str):
    user = get_user_model().objects.create_user(name, f"{name}@example.be", PASSWORD)
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


@pytest.fixture
def roles(site_tree):
    from importlib import import_module

    from django.apps import apps

    # Transactional tests flush the data migrations; recreate the roles and the workflow.
    import_module("editorial.migrations.0001_roles_and_workflow").create_roles(apps, None)
    import_module("editorial.migrations.0005_partner_role").create_partner_role(apps, None)
    return account("redacteur", "Redacteur"), account("eindredacteur", "Eindredacteur")


def log_in(browser, live_server, name: str):
    context = browser.new_context(locale="nl-BE", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.goto(live_server.url + "/admin/login/")
    tab.fill("#id_username", name)
    tab.fill("#id_password", PASSWORD)
    tab.locator("form button[type=submit]").first.click()
    tab.wait_for_url("**/admin/")
    return context, tab


def submit_new_title(tab, live_server, page_pk: int, title: str) -> None:
    """In the page editor: change the title and submit it for review (the editor offers no publish)."""
    tab.goto(f"{live_server.url}/admin/pages/{page_pk}/edit/")
    assert tab.locator('button[name="action-publish"]').count() == 0
    tab.fill("#id_title", title)
    tab.locator('button[name="action-submit"]').dispatch_event("click")
    tab.wait_for_url(f"**/admin/pages/{page_pk}/edit/**", wait_until="load")


def approve_and_check_public(browser, live_server, page, title: str) -> None:
    """The reviewer does not see the change on the public site until approving it; then it is live."""
    public = live_server.url + page.url
    context, tab = log_in(browser, live_server, "eindredacteur")
    tab.goto(public)
    assert title not in html(tab)  # not yet approved
    tab.goto(f"{live_server.url}/admin/pages/{page.pk}/edit/")
    approve = tab.locator(
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    ).first
    with tab.expect_navigation():
        approve.dispatch_event("click")  # "Goedkeuren en publiceren" in the footer's action menu
    context.close()

    assert type(page).objects.get(pk=page.pk).live
    tab = browser.new_page()
    tab.goto(public)
    assert tab.get_by_role("heading", level=1).inner_text() == title
    tab.close()


def test_edit_submit_approve_and_see_it_public(browser, live_server, roles):
    action = factories.action("Workshop drones")
    context, tab = log_in(browser, live_server, "redacteur")
    submit_new_title(tab, live_server, action.pk, "Workshop drones in de klas")
    context.close()
    approve_and_check_public(browser, live_server, action, "Workshop drones in de klas")


def test_a_partner_updates_its_own_offer_from_my_fiches(browser, live_server, roles):
    from editorial.models import PartnerContributor

    own = factories.actor("Kennisnet Vlaanderen")
    action = factories.action("Vorming toetsen", organisers=[own])
    factories.action("Aanbod van een ander", organisers=[factories.actor("Andere organisatie")])
    partner = account("partner", "Partnerbijdrager")
    PartnerContributor.objects.create(user=partner).actors.set([own])
    context, tab = log_in(browser, live_server, "partner")
    panel = tab.locator("#mijn-fiches").locator("..")
    assert "Aanbod van een ander" not in panel.inner_text()
    panel.get_by_role("link", name="Vorming toetsen").click()
    tab.wait_for_url(f"**/admin/pages/{action.pk}/edit/")
    submit_new_title(tab, live_server, action.pk, "Vorming digitale toetsen")
    context.close()
    approve_and_check_public(browser, live_server, action, "Vorming digitale toetsen")


def serious_axe_violations(browser, live_server, name: str, paths: list[str]) -> dict[str, list[str]]:
    """Log in as `name` and run axe-core on each admin path: the serious and critical rule ids."""
    context, tab = log_in(browser, live_server, name)
    axe, problems = Axe(), {}
    for path in paths:
        tab.goto(live_server.url + path)
        violations = axe.run(tab).response["violations"]
        serious = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
        if serious:
            problems[path] = serious
    context.close()
    return problems


def test_the_portals_admin_views_pass_axe(browser, live_server, roles):
    from editorial.models import PartnerContributor

    get_user_model().objects.create_superuser("baas", "baas@example.be", PASSWORD)
    factories.action("Een fiche")
    partner = account("partner", "Partnerbijdrager")
    PartnerContributor.objects.create(user=partner).actors.set([factories.actor("Eigen organisatie")])
    editors_views = [
        "/admin/redactie/importeren/",
        "/admin/redactie/te-herzien/",
        "/admin/redactie/kwaliteit/",
        "/admin/redactie/zonder-resultaat/",
        "/admin/partnerbijdragers/",
        "/admin/partnerbijdragers/new/",
    ]
    problems = serious_axe_violations(browser, live_server, "baas", editors_views)
    problems |= serious_axe_violations(
        browser, live_server, "partner", ["/admin/", "/admin/redactie/mijn-fiches/"]
    )
    assert problems == {}
