"""Ask providers whether their offer is still right.

Every PROVIDER_CHECK_MONTHS months, `manage.py ask_providers` mails each live actor with an
organisation address a link, valid for LINK_DAYS days and for that actor only, to a page listing its
fiches and upcoming sessions. Per item the provider answers "klopt nog" (the fiche gets a new review
date), "wijzig" with a short text or "bestaat niet meer" (both a Melding for the editors). An
unanswered question is reminded once, after REMINDER_DAYS days; never more.

The link is a signed token (django.core.signing, its own salt) that carries only the ProviderCheck's
id; the row says which actor it is for, when it was sent and whether it was answered. Signing rather
than a stored random token: the database holds no secret that would open a link, the signature cannot
be altered to reach another check, and its built-in timestamp plus the row's `sent_at` give the
30 days without any clean-up job. Rotating SECRET_KEY ends every open link, which is what it should do.
"""

import datetime
import re
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from actors.models import ActionPage, ActionSession, ActorPage
from goodpractices.models import GoodPracticePage
from submissions.models import Submission, within_retry_window
from submissions.notify import editor_addresses

from .provider_models import ProviderAnswer, ProviderCheck
from .review import mark_reviewed, months_before

LINK_DAYS = 30
REMINDER_DAYS = 14
SALT = "editorial.provider_check"
Verdict = ProviderAnswer.Verdict

# An organisation's address, never a person's. `contact_channel` is by its contract the organisation's
# public channel ("geen privépersoon"); on top of that an address is skipped when its local part reads
# as a name (jan.peeters@, j.peeters@) or it sits at a free mail provider people use privately.
EMAIL = re.compile(r"^(?:mailto:)?([^@\s:/]+@[^@\s/]+\.[a-z]{2,})$", re.IGNORECASE)
ROLE_WORDS = {
    "info", "contact", "secretariaat", "onthaal", "admin", "administratie", "vorming", "vormingen",
    "nascholing", "opleiding", "opleidingen", "redactie", "team", "hallo", "hello", "support", "help",
    "helpdesk", "office", "mail", "communicatie", "pers", "press", "inschrijvingen", "aanbod", "school",
    "directie", "algemeen", "general", "service", "dienst", "welkom", "vragen", "digitaal", "ict",
}  # fmt: skip
PRIVATE_MAIL_DOMAINS = {
    "gmail.com", "googlemail.com", "hotmail.com", "hotmail.be", "outlook.com", "outlook.be", "live.com",
    "live.be", "yahoo.com", "icloud.com", "me.com", "telenet.be", "skynet.be", "proximus.be", "scarlet.be",
}  # fmt: skip


def organisation_address(actor) -> str:
    """The actor's own e-mail address to ask, or "" when it has none that is surely an organisation's."""
    match = EMAIL.match((actor.contact_channel or "").strip())
    if not match:
        return ""
    address = match.group(1)
    local, _, domain = address.lower().rpartition("@")
    if domain in PRIVATE_MAIL_DOMAINS:
        return ""
    parts = [part for part in re.split(r"[._+-]", local) if part]
    if len(parts) >= 2 and all(part.isalpha() for part in parts) and not ROLE_WORDS & set(parts):
        return ""  # firstname.lastname or j.lastname: a person
    return address


# --- the link -----------------------------------------------------------------------------------


def link_token(check: ProviderCheck) -> str:
    return signing.dumps(check.pk, salt=SALT, compress=False)


def link_url(check: ProviderCheck) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("provider-check", args=[link_token(check)])


def expires_at(check: ProviderCheck) -> datetime.datetime:
    return check.sent_at + datetime.timedelta(days=LINK_DAYS)


def check_for_token(token: str) -> tuple[ProviderCheck | None, str]:
    """(the check, "") for a valid link; (None, "verlopen" or "ongeldig") otherwise."""
    try:
        pk = signing.loads(token, salt=SALT, max_age=datetime.timedelta(days=LINK_DAYS))
    except signing.SignatureExpired:
        return None, "verlopen"
    except signing.BadSignature:
        return None, "ongeldig"
    check = ProviderCheck.objects.select_related("actor").filter(pk=pk).first()
    if check is None or not check.actor.live:
        return None, "ongeldig"
    if expires_at(check) <= timezone.now():
        return None, "verlopen"
    return check, ""


# --- what the provider sees ---------------------------------------------------------------------


@dataclass
class Item:
    key: str  # "page-12" or "session-5": the form's field names, checked against this list
    kind: str
    title: str
    page: Page
    session: ActionSession | None = None
    url: str = ""


def items_for(actor: ActorPage) -> list[Item]:
    """The actor's fiche, the live actions it organises with their upcoming sessions, and the good
    practices it takes part in: everything the provider is asked about, in reading order."""
    items = [Item(f"page-{actor.pk}", "Organisatie", actor.title, actor, url=actor.url or "")]
    now = timezone.now()
    upcoming = Prefetch(
        "sessions",
        queryset=ActionSession.objects.filter(start__gte=now).order_by("start"),
        to_attr="upcoming",
    )
    actions = (
        ActionPage.objects.live()
        .filter(organisers=actor)
        .order_by("title")
        .distinct()
        .prefetch_related(upcoming)
    )
    for action in actions:
        items.append(Item(f"page-{action.pk}", "Aanbod", action.title, action, url=action.url or ""))
        for session in action.upcoming:  # one query for all actions' sessions, not one per action
            when = timezone.localtime(session.start).strftime("%d/%m/%Y %H:%M")
            label = f"Sessie van {when}, {session.place_label}"
            items.append(Item(f"session-{session.pk}", "Sessie", label, action, session))
    practices = GoodPracticePage.objects.live().filter(related_actors=actor).order_by("title").distinct()
    for practice in practices:
        items.append(
            Item(f"page-{practice.pk}", "Goede praktijk", practice.title, practice, url=practice.url or "")
        )
    return items


def is_repeat(check: ProviderCheck, item: Item, verdict: str, note: str) -> bool:
    """The same answer on the same item came in through this link within the retry window."""
    same = check.answers.filter(page=item.page, session=item.session, verdict=verdict, note=note)
    return within_retry_window(same).exists()


def record_answers(check: ProviderCheck, answers: list[tuple[Item, str, str]]) -> list[ProviderAnswer]:
    """Store the answers; "klopt nog" on a fiche is a review today, the others become Meldingen.

    An answer that repeats one just given (the form sent again: a retry, a double click) is skipped,
    so a second identical post creates no Melding and sends no mail."""
    actor = check.actor
    saved = []
    with transaction.atomic():
        ProviderCheck.objects.select_for_update().filter(pk=check.pk).first()  # one post at a time
        answers = [answer for answer in answers if not is_repeat(check, *answer)]
        if not answers:
            return saved
        for item, verdict, note in answers:
            submission = None
            if verdict == Verdict.STILL_RIGHT:
                if item.session is None:
                    mark_reviewed([item.page])
            else:
                submission = Submission.objects.create(
                    kind=Submission.Kind.CORRECTION,
                    page=item.page,
                    name=f"{actor.title} (controle door de aanbieder)"[:120],
                    email=check.email,
                    organisation=actor.title[:200],
                    title=item.title[:255],
                    message=_melding_text(item, verdict, note),
                )
            saved.append(
                ProviderAnswer.objects.create(
                    provider_check=check,
                    page=item.page,
                    session=item.session,
                    item=item.title[:300],
                    verdict=verdict,
                    note=note,
                    submission=submission,
                )
            )
        if check.answered_at is None:
            check.answered_at = timezone.now()
            check.save(update_fields=["answered_at"])
        _tell_editors(check, saved)
    return saved


def _melding_text(item: Item, verdict: str, note: str) -> str:
    what = item.title if item.session is None else f"{item.title} (bij {item.page.title})"
    if verdict == Verdict.GONE:
        text = f"Volgens de aanbieder bestaat dit niet meer: {what}."
    else:
        text = f"De aanbieder vraagt een wijziging aan: {what}."
    return (
        text
        + (f"\n\nToelichting van de aanbieder:\n{note}" if note else "")
        + ("\n\n(Antwoord via de controlelink die de aanbieder per e-mail kreeg.)")
    )


def _tell_editors(check: ProviderCheck, answers: list[ProviderAnswer]) -> None:
    recipients = editor_addresses()
    if not recipients:
        return
    lines = [f"- {answer.item}: {answer.get_verdict_display()}" for answer in answers]
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    body = (
        f"{check.actor.title} beantwoordde de vraag of zijn aanbod nog klopt:\n\n" + "\n".join(lines) + "\n\n"
        "Wijzigingen en wat niet meer bestaat, staan als melding klaar: "
        f"{base}{reverse('wagtailsnippets_submissions_submission:list')}\n"
        f"Alle antwoorden: {base}{reverse('editorial:provider_answers')}\n"
    )
    send_mail(
        f"Antwoord van {check.actor.title} over zijn aanbod", body, settings.DEFAULT_FROM_EMAIL, recipients
    )


# --- asking and reminding -----------------------------------------------------------------------


def _mail(check: ProviderCheck, reminder: bool) -> None:
    actor = check.actor.title
    expiry = timezone.localtime(expires_at(check)).strftime("%d/%m/%Y")
    opening = (
        "Twee weken geleden vroegen we je of het aanbod van {actor} op Leerkr@cht.net nog klopt. We "
        "kregen nog geen antwoord; dit is de enige herinnering."
        if reminder
        else "Leerkr@cht.net toont leraren en scholen het aanbod van {actor}. Klopt het nog?"
    ).format(actor=actor)
    body = (
        f"Dag,\n\n{opening}\n\n"
        "Via deze link zie je jullie fiches en geplande sessies. Zeg per onderdeel of het nog klopt, wat "
        "er moet wijzigen of dat het niet meer bestaat:\n\n"
        f"{link_url(check)}\n\n"
        f"De link werkt tot {expiry}, alleen voor {actor}. Je hebt geen account nodig. Niets verandert op "
        "de site voor de redactie het heeft nagekeken.\n\n"
        "Met vriendelijke groeten,\nde redactie van Leerkr@cht.net\n"
    )
    subject = f"Klopt het aanbod van {actor} op Leerkr@cht.net nog?"
    send_mail(
        ("Herinnering: " if reminder else "") + subject, body, settings.DEFAULT_FROM_EMAIL, [check.email]
    )


def due_actors(now: datetime.datetime) -> tuple[list[tuple[ActorPage, str]], int]:
    """(actors to ask now with their address, how many live actors have no organisation address)."""
    months = settings.PROVIDER_CHECK_MONTHS
    if months <= 0:
        return [], 0
    today = timezone.localdate(now)
    since = now - (today - months_before(today, months))
    recently_asked = ProviderCheck.objects.filter(sent_at__gt=since).values("actor")
    due, without = [], 0
    for actor in ActorPage.objects.live().exclude(pk__in=recently_asked).order_by("title"):
        address = organisation_address(actor)
        if address:
            due.append((actor, address))
        else:
            without += 1
    return due, without


def due_reminders(now: datetime.datetime):
    return ProviderCheck.objects.select_related("actor").filter(
        answered_at__isnull=True,
        reminded_at__isnull=True,
        sent_at__lte=now - datetime.timedelta(days=REMINDER_DAYS),
        sent_at__gt=now - datetime.timedelta(days=LINK_DAYS),
        actor__live=True,
    )


def ask_providers(dry_run: bool = False, now: datetime.datetime | None = None) -> dict[str, int]:
    """One pass: ask the actors that are due, remind once those that did not answer."""
    now = now or timezone.now()
    due, without = due_actors(now)
    reminders = list(due_reminders(now))
    if not dry_run:
        for actor, address in due:
            with transaction.atomic():
                _mail(ProviderCheck.objects.create(actor=actor, email=address, sent_at=now), reminder=False)
        for check in reminders:
            with transaction.atomic():
                check.reminded_at = now
                check.save(update_fields=["reminded_at"])
                _mail(check, reminder=True)
    return {"gevraagd": len(due), "herinnerd": len(reminders), "zonder organisatieadres": without}
