"""The mail outbox (django-mailer): what is waiting, what failed for good, and one sending pass.

A failed send is deferred by django-mailer; every pass puts the deferred messages back in the queue
(`retry_deferred`, which counts the attempts) until MAILER_EMAIL_MAX_RETRIES; a message that failed
that often is a dead letter: it stays, listed for the editors, until someone removes or retries it.
"""

from dataclasses import dataclass

from django.conf import settings
from mailer import engine
from mailer.models import RESULT_FAILURE, Message, MessageLog


@dataclass
class DeadLetter:
    pk: int
    added: object
    subject: str
    recipients: str
    attempts: int
    last_error: str


def dead_letters_q():
    return Message.objects.deferred().filter(retry_count__gte=settings.MAILER_EMAIL_MAX_RETRIES)


def counts() -> dict[str, int]:
    return {
        "wachtend": Message.objects.non_deferred().count(),
        "opnieuw te proberen": Message.objects.deferred().count() - dead_letters_q().count(),
        "mislukt": dead_letters_q().count(),
    }


def dead_letters(limit: int = 200) -> list[DeadLetter]:
    letters = []
    for message in dead_letters_q().order_by("when_added")[:limit]:
        email = message.email
        log = (
            MessageLog.objects.filter(when_added=message.when_added, result=RESULT_FAILURE)
            .order_by("-when_attempted")
            .first()
        )
        letters.append(
            DeadLetter(
                pk=message.pk,
                added=message.when_added,
                subject=email.subject if email else "?",
                recipients=", ".join(email.to) if email else "?",
                attempts=message.retry_count + 1,
                last_error=log.log_message if log else "",
            )
        )
    return letters


def send_pass() -> dict[str, int]:
    """Retry what may still be retried, then send everything queued. Never raises on a dead server."""
    Message.objects.retry_deferred()
    engine.send_all()
    return counts()


def retry(pk: int) -> bool:
    """Put one dead letter back in the queue with fresh attempts; False when it is gone."""
    from mailer.models import PRIORITY_MEDIUM

    return bool(dead_letters_q().filter(pk=pk).update(retry_count=0, priority=PRIORITY_MEDIUM))
