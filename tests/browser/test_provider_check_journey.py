"""A provider follows the link from its e-mail: answers "klopt nog" and "wijzig" (after being told the
text is missing), sees its thanks; an expired link, another actor's link and a form tampered to reach
another actor's offer are refused. In Chromium."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from actors.models import ActorPage
from editorial.provider_check import link_url
from editorial.provider_models import ProviderAnswer
from submissions.models import Submission
from tests.browser.pages import html
from tests.editorial.provider_data import old_link, providers, sent_check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _on(live_server, url: str) -> str:
    return live_server.url + "/" + url.split("/", 3)[3]


def test_the_provider_link_flow(page, live_server, site_tree):
    actors = providers()
    ours, offer = actors["ours"], actors["offer"]
    check = sent_check(ours)
    page.goto(_on(live_server, link_url(check)))
    assert page.locator("h1").inner_text() == "Klopt het aanbod van Vzw Digitaal Leren nog?"
    assert page.get_by_text("Codeerkamp voor leraren").count() == 0  # another actor's offer is not here

    # "Wijzig" without a text: a Dutch message, focus on the error summary, nothing saved.
    page.locator(f"#antwoord-page-{offer.pk}-1").check()
    page.get_by_role("button", name="Antwoorden versturen").click()
    summary = page.locator("#fouten")
    assert "Schrijf kort wat er moet wijzigen." in summary.inner_text()
    assert page.evaluate("document.activeElement.id") == "fouten"
    assert not ProviderAnswer.objects.exists()
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []

    # "Klopt nog" for the organisation, "Wijzig" with a text for the offer.
    page.get_by_label("Klopt nog").first.check()
    page.locator(f"#toelichting-page-{offer.pk}").fill("De workshop duurt voortaan twee uur.")
    page.get_by_role("button", name="Antwoorden versturen").click()
    assert "Bedankt, je antwoord is bewaard" in page.locator("#bedankt").inner_text()
    assert ActorPage.objects.get(pk=ours.pk).last_reviewed == timezone.localdate()
    (melding,) = Submission.objects.all()
    assert melding.page_id == offer.pk and "twee uur" in melding.message

    # A form changed in the page to answer about another actor's offer: refused, nothing changes.
    page.evaluate(
        "([from, to]) => { for (const input of document.querySelectorAll(`[name$='${from}']`))"
        " input.name = input.name.replace(from, to); }",
        [f"page-{offer.pk}", f"page-{actors['other_offer'].pk}"],
    )
    page.locator(f"#antwoord-page-{offer.pk}-2").check()
    page.get_by_role("button", name="Antwoorden versturen").click()
    assert page.locator("h1").inner_text() == "Dit formulier klopt niet"
    assert Submission.objects.count() == 1 and ProviderAnswer.objects.count() == 2

    # Another actor's link shows that actor's items only.
    page.goto(_on(live_server, link_url(sent_check(actors["other"]))))
    assert "Codeerkamp voor leraren" in html(page) and "Workshop digitale toetsen" not in html(page)

    # An expired link.
    page.goto(_on(live_server, old_link(check)))
    assert page.locator("h1").inner_text() == "Deze link is verlopen"
