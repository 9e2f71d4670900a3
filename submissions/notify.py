"""E-mails about submissions: the editors hear of a new one, the submitter gets a confirmation and,
once an editor publishes, a last message with the link."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q

CURATE = ("editorial", "curate_fiches")


def editor_addresses() -> list[str]:
    app_label, codename = CURATE
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(
        Q(is_superuser=True)
        | Q(groups__permissions__codename=codename, groups__permissions__content_type__app_label=app_label)
        | Q(user_permissions__codename=codename)
    )
    return sorted(set(users.values_list("email", flat=True)))


def tell_editors(submission, admin_url: str, draft_url: str = "") -> None:
    recipients = editor_addresses()
    if not recipients:
        return
    subject = f"Nieuwe melding op Leerkr@cht.net: {submission}"
    body = (
        f"{submission.get_kind_display()} van {submission.name} ({submission.organisation or 'geen organisatie'}).\n\n"
        f"{submission.message}\n\nBekijk en verwerk de melding: {admin_url}\n"
    )
    if draft_url:
        body += f"Open de fiche of het concept: {draft_url}\n"
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


def confirm_to_submitter(submission) -> None:
    body = (
        f"Dag {submission.name},\n\n"
        "Bedankt voor je melding aan Leerkr@cht.net. De redactie bekijkt ze; er verschijnt niets op de "
        "site voor een redacteur het heeft nagekeken. Je krijgt nog een bericht zodra het gepubliceerd is.\n\n"
        f"Je schreef:\n{submission.message}\n"
    )
    send_mail("We hebben je melding ontvangen", body, settings.DEFAULT_FROM_EMAIL, [submission.email])


def tell_submitter_published(submission, url: str) -> None:
    body = (
        f"Dag {submission.name},\n\n"
        f"De redactie heeft je melding verwerkt; je ziet het resultaat op {url}\n\nBedankt!\n"
    )
    send_mail("Je melding staat online", body, settings.DEFAULT_FROM_EMAIL, [submission.email])


def tell_submitter_in_review(submission) -> None:
    body = (
        f"Dag {submission.name},\n\n"
        "De redactie heeft je melding verwerkt en de wijziging ingediend ter controle. Zodra een "
        "eindredacteur ze goedkeurt, staat ze online; je krijgt dan nog een bericht met de link.\n\nBedankt!\n"
    )
    send_mail("Je melding is ingediend ter controle", body, settings.DEFAULT_FROM_EMAIL, [submission.email])
