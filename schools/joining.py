"""An invited colleague lands in their school: when they log in (also right after confirming their
address at sign-up), every open invitation for one of their verified addresses is accepted. The
director invited that address and allauth verified it, so no extra click can add anything.

Before that, a logged-out visitor who follows the invitation link is sent to the sign-up page with the
address filled in; the invitation is remembered in the session (``INVITATION_KEY``) so the sign-up and
login pages say which school invited them (``pending_invitation``). The session only shows the
invitation: joining still needs the invited address, verified."""

from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone

from .models import Invitation, Membership

SESSION_KEY = "schools_joined"
INVITATION_KEY = "schools_invitation"


def verified_emails(user) -> set[str]:
    addresses = getattr(user, "emailaddress_set", None)
    if addresses is None:
        return set()
    return {e.email.lower() for e in addresses.filter(verified=True)}


def _spellings(emails: set[str]) -> list[str]:
    """Invitation addresses as typed may differ in case: match case-insensitively."""
    return list(
        Invitation.objects.annotate(low=Lower("email")).filter(low__in=emails).values_list("email", flat=True)
    )


def join_invited(user) -> list:
    """Accept the open invitations for the user's verified addresses; the schools joined."""
    emails = verified_emails(user)
    joined = []
    if not emails:
        return joined
    with transaction.atomic():
        pending = Invitation.objects.filter(accepted_at__isnull=True).select_related("school")
        for invitation in pending.filter(email__in=_spellings(emails)):
            Membership.objects.get_or_create(
                school=invitation.school, user=user, defaults={"role": invitation.role}
            )
            invitation.accepted_at = timezone.now()
            invitation.save(update_fields=["accepted_at"])
            joined.append(invitation.school)
    return joined


def open_invitation(token) -> Invitation | None:
    if not isinstance(token, str) or not token:
        return None
    return Invitation.objects.filter(token=token, accepted_at__isnull=True).select_related("school").first()


def remember(request, invitation) -> None:
    request.session[INVITATION_KEY] = invitation.token


def pending_invitation(request) -> Invitation | None:
    """The open invitation a logged-out visitor followed in this session, if any."""
    session = getattr(request, "session", None)
    if session is None or request.user.is_authenticated:
        return None
    return open_invitation(session.get(INVITATION_KEY))


def on_login(sender, request, user, **kwargs):
    joined = join_invited(user)
    if request is None or not hasattr(request, "session"):
        return
    request.session.pop(INVITATION_KEY, None)
    if joined:
        request.session[SESSION_KEY] = [school.pk for school in joined]
