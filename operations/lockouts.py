"""Instellingen > Geblokkeerde aanmeldingen: a Beheerder sees which logins django-axes has locked
(username and IP address) and unlocks one. Anyone without the right to manage accounts gets a 403."""

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

MANAGE_ACCOUNTS = "auth.change_user"


def can_unlock(user) -> bool:
    return user.has_perm(MANAGE_ACCOUNTS)


@require_http_methods(["GET", "POST"])
def lockouts_view(request):
    if not can_unlock(request.user):
        raise PermissionDenied
    if request.method == "POST":
        try:
            attempt = AccessAttempt.objects.get(pk=int(request.POST.get("attempt", "")))
        except (ValueError, AccessAttempt.DoesNotExist):
            messages.error(request, "Deze blokkering bestaat niet (meer).")
        else:
            reset(ip=attempt.ip_address, username=attempt.username)
            messages.success(request, f"De aanmelding ‘{attempt.username}’ is gedeblokkeerd.")
        return redirect("operations:lockouts")
    attempts = AccessAttempt.objects.order_by("-attempt_time")
    return TemplateResponse(
        request,
        "operations/lockouts.html",
        {
            "locked": [a for a in attempts if a.failures_since_start >= settings.AXES_FAILURE_LIMIT],
            "failing": [a for a in attempts if a.failures_since_start < settings.AXES_FAILURE_LIMIT],
            "limit": settings.AXES_FAILURE_LIMIT,
            "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        },
    )
