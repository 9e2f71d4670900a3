"""An editor submits a change, a reviewer approves it, the public page shows it; the portal's own
admin views pass axe-core. In Chromium."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tests import factories

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


def test_edit_submit_approve_and_see_it_public(browser, live_server, roles):
    action = factories.action("Workshop drones")
    context, tab = log_in(browser, live_server, "redacteur")
    tab.goto(f"{live_server.url}/admin/pages/{action.pk}/edit/")
    tab.fill("#id_title", "Workshop drones in de klas")
    tab.locator('button[name="action-submit"]').dispatch_event("click")
    tab.wait_for_url(f"**/admin/pages/{action.pk}/edit/**", wait_until="load")
    context.close()

    public = live_server.url + action.url
    context, tab = log_in(browser, live_server, "eindredacteur")
    tab.goto(public)
    assert "Workshop drones in de klas" not in tab.content()  # not yet approved
    tab.goto(f"{live_server.url}/admin/pages/{action.pk}/edit/")
    approve = tab.locator(
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    ).first
    with tab.expect_navigation():
        approve.dispatch_event("click")  # "Goedkeuren en publiceren" in the footer's action menu
    context.close()

    from actors.models import ActionPage

    assert ActionPage.objects.get(pk=action.pk).live
    tab = browser.new_page()
    tab.goto(public)
    assert tab.get_by_role("heading", level=1).inner_text() == "Workshop drones in de klas"
    tab.close()


def test_the_portals_admin_views_pass_axe(browser, live_server, roles):
    get_user_model().objects.create_superuser("baas", "baas@example.be", PASSWORD)
    factories.action("Een fiche")
    context, tab = log_in(browser, live_server, "baas")
    axe = Axe()
    problems = {}
    for path in [
        "/admin/redactie/importeren/",
        "/admin/redactie/te-herzien/",
        "/admin/redactie/kwaliteit/",
        "/admin/redactie/zonder-resultaat/",
    ]:
        tab.goto(live_server.url + path)
        violations = axe.run(tab).response["violations"]
        serious = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
        if serious:
            problems[path] = serious
    context.close()
    assert problems == {}
