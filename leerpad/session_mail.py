"""E-mail when an offer a teacher follows gets a new session (opt-in, off by default).

Trigger: post_save of ActionSession (connected in LeerpadConfig.ready with that sender). Every way a
session comes into the database ends there: the Wagtail editor (publishing saves the page's sessions
through modelcluster), the session import and the harvest (both publish a revision). A signal mails
within the minute the outbox runs, needs no extra scheduled job, and costs one query when nobody
follows the offer. A session that is saved again keeps its row (created=False); a session that is
deleted and made again (a re-import, a reverted revision) is caught by SessionNotice: one mail per
teacher, offer and start, recorded in the same transaction as the queued mail (the outbox is in the
database, so a rolled-back publication sends nothing and records nothing).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from actors.session import SessionStatus

from .models import SessionMail, SessionNotice


def on_session_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        notify_new_session(instance)


def _absolute(url: str) -> str:
    return url if url.startswith("http") else settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def notify_new_session(session) -> int:
    """Queue one mail per teacher who follows the offer and chose to be mailed; returns how many."""
    if session.start <= timezone.now() or session.status == SessionStatus.CANCELLED:
        return 0
    readers = (
        get_user_model()
        .objects.filter(
            saved_offers__offer_id=session.action_id,
            saved_offers__following=True,
            saved_offers__offer__live=True,
            leerpad_session_mail__wanted=True,
            is_active=True,
        )
        .exclude(email="")
        .select_related("leerpad_session_mail")
        .distinct()
    )
    sent = 0
    for user in readers:
        with transaction.atomic():
            _notice, new = SessionNotice.objects.get_or_create(
                user=user, offer_id=session.action_id, start=session.start
            )
            if new:
                _mail(user, session)
                sent += 1
    return sent


def _mail(user, session) -> None:
    offer = session.action
    start = timezone.localtime(session.start)
    where = "online" if session.online else session.location
    stop = _absolute(f"/mijn-leerpad/e-mail/uit/{user.leerpad_session_mail.token}/")
    body = (
        f"Er is een nieuwe sessie van ‘{offer.title}’, een aanbod dat je volgt op Leerkr@cht.net:\n"
        f"{start:%d/%m/%Y} om {start:%H:%M}, {where}.\n\n"
        f"Meer uitleg en inschrijven: {_absolute(offer.get_url() or '/')}\n\n"
        "Je krijgt deze e-mail omdat je in je leerpad koos voor een e-mail bij nieuwe sessies.\n"
        f"Geen e-mails meer? {stop}\n"
    )
    EmailMessage(
        f"Nieuwe sessie: {offer.title}"[:200],
        body,
        None,
        [user.email],
        headers={"List-Unsubscribe": f"<{stop}>"},
    ).send()


@login_required
@require_POST
def choose(request):
    """The teacher's choice on the leerpad: "ja" turns the mail on, anything else off."""
    wanted = request.POST.get("mail") == "ja"
    choice = SessionMail.objects.filter(user=request.user).first()
    if choice is None and not wanted:
        messages.success(request, "Je krijgt geen e-mails bij nieuwe sessies.")
        return redirect("/mijn-leerpad/#agenda")
    choice = choice or SessionMail(user=request.user)
    choice.wanted = wanted
    choice.save()
    if wanted:
        messages.success(
            request, "Je krijgt een e-mail wanneer een aanbod dat je volgt een nieuwe sessie krijgt."
        )
    else:
        messages.success(request, "Je krijgt geen e-mails meer bij nieuwe sessies.")
    return redirect("/mijn-leerpad/#agenda")


@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """The link in every mail: works without logging in; GET asks, POST turns the mail off (so a mail
    scanner that opens links unsubscribes nobody)."""
    choice = SessionMail.objects.filter(token=token).first() if token else None
    if choice is None:
        raise Http404("Deze afmeldlink bestaat niet (meer).")
    done = False
    if request.method == "POST":
        choice.wanted = False
        choice.save(update_fields=["wanted", "chosen_at"])
        done = True
    return TemplateResponse(
        request, "leerpad/unsubscribe.html", {"done": done or not choice.wanted, "token": token}
    )
