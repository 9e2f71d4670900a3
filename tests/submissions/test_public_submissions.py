"""Public submissions: a new offer or a correction, without an account. It reaches the editors (draft,
inbox, e-mail), is confirmed to the submitter, and never goes public unreviewed."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from actors.models import ActionPage
from submissions.models import Submission
from tests import factories

pytestmark = pytest.mark.django_db

OFFER = {
    "organisation": "Digitale Scholen vzw",
    "name": "Aanbieder",
    "email": "aanbieder@example.be",
    "title": "Werkplaats AI-geletterdheid",
    "summary": "Een halve dag om met AI-hulpmiddelen te leren werken in de les.",
    "description": "Leraren proberen uit hoe taalmodellen feedback geven, en bespreken de grenzen ervan.",
    "sessions": "12 maart in Gent",
    "website": "https://werkplaats.example.be",
    "audiences": ["leerkrachten"],
}
SECRET_WORD = "Werkplaats AI-geletterdheid"


@pytest.fixture
def editor(db):
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("redacteur", "redactie@example.be", "een-lang-wachtwoord")
    user.groups.add(Group.objects.get(name="Redacteur"))
    return user


def test_a_new_offer_becomes_a_draft_for_the_editors_and_never_public(client, site_tree, editor):
    response = client.post("/aanbod/aanmelden/", OFFER)
    assert response.status_code == 302 and response["Location"] == "/melden/bedankt/"
    assert "Bedankt voor je melding" in client.get("/melden/bedankt/").content.decode()
    draft = ActionPage.objects.get(title=SECRET_WORD)
    assert not draft.live and draft.has_unpublished_changes
    submission = Submission.objects.get()
    assert submission.page_id == draft.pk and submission.state == "nieuw"
    to = {tuple(message.to): message for message in mail.outbox}
    assert "redactie@example.be" in {address for message in mail.outbox for address in message.to}
    assert (
        f"/admin/snippets/submissions/submission/edit/{submission.pk}/" in to[("redactie@example.be",)].body
    )
    assert "We hebben je melding ontvangen" == to[("aanbieder@example.be",)].subject

    # anonymously, on every public surface: nothing of it
    surfaces = [
        "/",
        "/aanbod/",
        "/zoeken/?q=werkplaats",
        "/api/zoeken/?q=werkplaats",
        "/api/v2/fiches/?type=actors.ActionPage&fields=title,summary",
        f"/api/v2/fiches/{draft.pk}/",
        "/feed/",
        "/zoeken/feed/?q=werkplaats",
        "/zoeken/?q=werkplaats&format=csv",
        "/zoeken/?q=werkplaats&format=json",
        "/embed/?q=werkplaats",
        "/sitemap.xml",
        "/agenda/",
        "/agenda.ics",
        "/zoeken/suggesties/?q=werkpl",
        f"/f/{draft.pk}/",
        "/aanbod/" + draft.slug + "/",
    ]
    for url in surfaces:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert SECRET_WORD.encode() not in body, url
        assert response.status_code in (200, 404), url

    # published by an editor: the submitter hears so, once
    mail.outbox.clear()
    draft.save_revision().publish()
    assert [m.to for m in mail.outbox] == [["aanbieder@example.be"]] and "online" in mail.outbox[0].subject
    assert Submission.objects.get().state == "verwerkt"
    draft.save_revision().publish()
    assert len(mail.outbox) == 1


def test_every_fiche_offers_a_correction_form(client, site_tree, editor):
    action = factories.action("Vorming met een fout")
    html = client.get(action.url).content.decode()
    assert f'href="/melden/{action.pk}/">Meld een fout of update</a>' in html
    form = client.get(f"/melden/{action.pk}/").content.decode()
    assert "Vorming met een fout" in form and 'name="message"' in form
    correction = {"name": "Lezer", "email": "lezer@example.be", "message": "De datum klopt niet."}
    response = client.post(f"/melden/{action.pk}/", correction)
    assert response.status_code == 302
    sent = len(mail.outbox)
    assert client.post(f"/melden/{action.pk}/", correction)["Location"] == response["Location"]  # a retry
    assert len(mail.outbox) == sent
    submission = Submission.objects.get()
    assert submission.kind == "correctie" and submission.page_id == action.pk
    assert "De datum klopt niet." not in client.get(action.url).content.decode()
    mail.outbox.clear()
    submission.state = "verwerkt"
    submission.save()
    assert [m.to for m in mail.outbox] == [["lezer@example.be"]]


def test_bad_input_gets_dutch_messages_and_changes_nothing(client, site_tree):
    response = client.post("/aanbod/aanmelden/", {**OFFER, "email": "geen-adres", "title": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert (
        "Er ontbreekt nog iets" in html
        and "Voer een geldig e-mailadres in." in html
        and "Dit veld is vereist." in html
    )
    assert not Submission.objects.exists() and not ActionPage.objects.filter(title=SECRET_WORD).exists()
    assert client.get("/melden/999999/").status_code == 404
    draft = factories.action("Een concept", live=False)
    assert client.get(f"/melden/{draft.pk}/").status_code == 404  # drafts cannot be reported on (or seen)


def test_the_honeypot_catches_bots_silently(client, site_tree):
    response = client.post("/aanbod/aanmelden/", {**OFFER, "bedrijfswebsite": "http://spam.example"})
    assert response.status_code == 302
    assert not Submission.objects.exists() and not ActionPage.objects.filter(title=SECRET_WORD).exists()
    assert mail.outbox == []


def test_the_rate_limit_stops_a_flood(client, site_tree, settings):
    settings.SUBMISSIONS_PER_HOUR = 2
    action = factories.action("Veel gemeld")
    data = {"name": "X", "email": "x@example.be"}  # three different messages: none is a repeat
    assert client.post(f"/melden/{action.pk}/", {**data, "message": "Iets."}).status_code == 302
    assert client.post(f"/melden/{action.pk}/", {**data, "message": "Nog iets."}).status_code == 302
    response = client.post(f"/melden/{action.pk}/", {**data, "message": "En nog iets."})
    assert response.status_code == 429 and "later opnieuw" in response.content.decode()
    assert Submission.objects.count() == 2


def test_editors_see_the_submissions_in_the_admin(client, site_tree, editor):
    client.post("/aanbod/aanmelden/", OFFER)
    client.force_login(editor)
    html = client.get("/admin/snippets/submissions/submission/").content.decode()
    assert "Nieuw aanbod: Werkplaats AI-geletterdheid" in html


def test_a_melding_links_to_its_draft_and_says_ter_controle_until_live(client, site_tree, editor):
    client.post("/aanbod/aanmelden/", OFFER)
    draft, submission = ActionPage.objects.get(title=SECRET_WORD), Submission.objects.get()
    to_editors = next(m for m in mail.outbox if "redactie@example.be" in m.to)
    assert f"/admin/pages/{draft.pk}/edit/" in to_editors.body

    client.force_login(editor)
    listing = client.get("/admin/snippets/submissions/submission/").content.decode()
    assert f'href="/admin/pages/{draft.pk}/edit/"' in listing
    edit = client.get(f"/admin/snippets/submissions/submission/edit/{submission.pk}/").content.decode()
    assert f'href="/admin/pages/{draft.pk}/edit/"' in edit and "Open het concept" in edit

    mail.outbox.clear()
    submission.state = "verwerkt"
    submission.save()  # handled, but the draft still waits for review
    assert [m.subject for m in mail.outbox] == ["Je melding is ingediend ter controle"]
    assert "online" not in mail.outbox[0].body.replace("staat ze online", "")
    submission.save()
    assert len(mail.outbox) == 1  # once

    mail.outbox.clear()
    draft.save_revision().publish()
    assert [m.subject for m in mail.outbox] == ["Je melding staat online"]
    assert draft.full_url in mail.outbox[0].body


def test_a_correction_handled_as_a_draft_mails_online_only_once_published(client, site_tree, editor):
    action = factories.action("Vorming met een fout")
    client.post(
        f"/melden/{action.pk}/",
        {"name": "Lezer", "email": "lezer@example.be", "message": "Datum klopt niet."},
    )
    submission = Submission.objects.get()
    action.summary = "Verbeterde samenvatting."
    action.save_revision()
    mail.outbox.clear()
    submission.state = "verwerkt"
    submission.save()
    assert [m.subject for m in mail.outbox] == ["Je melding is ingediend ter controle"]
    mail.outbox.clear()
    action.refresh_from_db()
    action.get_latest_revision().publish()
    assert [m.subject for m in mail.outbox] == ["Je melding staat online"]


def test_required_fields_are_marked_errors_are_summarised_and_thanks_links_back(client, site_tree, editor):
    form = client.get("/aanbod/aanmelden/").content.decode()
    assert "Je e-mailadres (verplicht)" in form and "Website (verplicht)" not in form

    response = client.post("/aanbod/aanmelden/", {**OFFER, "email": "geen-adres"})
    html = response.content.decode()
    summary = html.split('id="fouten"')[1].split("</div>")[0]
    assert 'tabindex="-1" autofocus' in summary  # focus lands on the summary, not the page body
    assert 'href="#id_email"' in summary and "Je e-mailadres (verplicht)" in summary

    action = factories.action("Vorming met een fout")
    response = client.post(
        f"/melden/{action.pk}/",
        {"name": "Lezer", "email": "lezer@example.be", "message": "Datum klopt niet."},
    )
    thanks = client.get(response["Location"]).content.decode()
    assert f'href="{action.url}"' in thanks and "Terug naar de fiche" in thanks
    draft = factories.action("Geheim concept", live=False)
    assert "Geheim concept" not in client.get(f"/melden/bedankt/?fiche={draft.pk}").content.decode()


def test_a_provider_tells_audience_level_area_form_and_cost(client, site_tree):
    form = client.get("/aanbod/aanmelden/").content.decode()
    assert "Voor wie (verplicht)" in form and "DigCompEdu-domein" in form and "Kostprijs" in form
    response = client.post("/aanbod/aanmelden/", {**OFFER, "audiences": []})
    assert response.status_code == 400 and "Kies minstens één doelgroep." in response.content.decode()
    assert not ActionPage.objects.filter(title=SECRET_WORD).exists()

    data = {
        **OFFER,
        "school_levels": ["lager"],
        "levels": ["A2"],
        "digcompedu_areas": ["3"],
        "cost": "gratis",
    }
    data["kinds"] = ["webinar"]
    assert client.post("/aanbod/aanmelden/", data).status_code == 302
    draft = ActionPage.objects.get(title=SECRET_WORD).get_latest_revision_as_object()
    assert [a.code for a in draft.audiences.all()] == ["leerkrachten"] and draft.cost == "gratis"
    assert [a.code for a in draft.digcompedu_areas.all()] == ["3"] and [
        f.code for f in draft.forms.all()
    ] == ["webinar"]
    assert [s.code for s in draft.school_levels.all()] == ["lager"] and [
        lv.code for lv in draft.levels.all()
    ] == ["A2"]


def test_a_provider_gives_the_first_session_and_it_becomes_a_session_of_the_draft(client, site_tree, editor):
    form = client.get("/aanbod/aanmelden/").content.decode()
    assert "Eerste sessie: begin" in form and "dd/mm/jjjj uu:mm" in form and "Eerste sessie: plaats" in form
    first = {
        "first_start": "20/01/2031 14:00",
        "first_end": "2031-01-20 16:30",
        "first_mode": "onsite",
        "first_location": "Campus Noord, 9000 Gent",
        "registration_url": "https://werkplaats.example.be/inschrijven",
    }
    bad = [
        ({"first_start": "volgende dinsdag"}, "kunnen we niet lezen"),
        ({"first_end": "20/01/2031 13:00"}, "Het einde ligt vóór het begin."),
        ({"first_location": ""}, "Geef een plaats op, of kies ‘Online’."),
        ({"first_start": ""}, "Geef ook het begin van de eerste sessie"),
    ]
    for change, message in bad:
        response = client.post("/aanbod/aanmelden/", {**OFFER, **first, **change})
        assert response.status_code == 400 and message in response.content.decode(), change
    assert not Submission.objects.exists()

    assert client.post("/aanbod/aanmelden/", {**OFFER, **first}).status_code == 302
    submission = Submission.objects.get()
    assert submission.first_session["location"] == "Campus Noord, 9000 Gent"
    line = "20 januari 2031, 14:00–16:30, Campus Noord, 9000 Gent, inschrijven: https://werkplaats.example.be/inschrijven"
    client.force_login(editor)
    melding = client.get(f"/admin/snippets/submissions/submission/edit/{submission.pk}/").content.decode()
    assert line in melding and "&quot;start&quot;" not in melding  # a readable line, not raw JSON
    client.logout()
    draft = ActionPage.objects.get(title=SECRET_WORD)
    [session] = draft.get_latest_revision_as_object().sessions.all()
    assert timezone.localtime(session.start).strftime("%d/%m/%Y %H:%M") == "20/01/2031 14:00"
    assert timezone.localtime(session.end).strftime("%H:%M") == "16:30"
    assert session.location == "Campus Noord, 9000 Gent" and session.course_mode == "onsite"
    assert session.registration_url == "https://werkplaats.example.be/inschrijven"
    assert "Campus Noord" not in client.get("/agenda/").content.decode()  # a draft: not public

    Submission.objects.all().delete()
    online = {
        **OFFER,
        "title": "Webinar zonder plaats",
        "first_start": "2031-02-03T19:00",
        "first_mode": "online",
    }
    assert client.post("/aanbod/aanmelden/", online).status_code == 302
    [session] = (
        ActionPage.objects.get(title="Webinar zonder plaats").get_latest_revision_as_object().sessions.all()
    )
    assert session.online and session.location == ""


def test_the_first_session_reads_as_one_dutch_line():
    online = {"start": "2031-02-03T19:00:00+01:00", "end": None, "course_mode": "online", "location": ""}
    assert Submission(first_session=online).first_session_text() == "3 februari 2031, 19:00, online"
    blended = {**online, "end": "2031-02-04T12:00:00+01:00", "course_mode": "blended", "location": "Gent"}
    expected = "3 februari 2031, 19:00 tot 4 februari 2031 12:00, Gent en online"
    assert Submission(first_session=blended).first_session_text() == expected
    assert Submission(first_session={}).first_session_text() == ""
