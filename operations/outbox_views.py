"""Instellingen > Uitgaande e-mail: the editors see how much mail waits in the outbox and which mail
failed for good (the dead letters), and put one back in the queue once the mail server works again."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from portal.fiche import CURATE_FICHES
from portal.hygiene import parse_id

from . import outbox


def can_see_outbox(user) -> bool:
    return user.has_perm(CURATE_FICHES)


@require_http_methods(["GET", "POST"])
def outbox_view(request):
    if not can_see_outbox(request.user):
        raise PermissionDenied
    if request.method == "POST":
        pk = parse_id(request.POST.get("bericht", ""))
        if pk and outbox.retry(pk):
            messages.success(
                request, "De e-mail staat weer in de wachtrij; hij vertrekt bij de volgende ronde."
            )
        else:
            messages.error(request, "Deze e-mail staat niet (meer) bij de mislukte.")
        return redirect("operations:outbox")
    return TemplateResponse(
        request,
        "operations/outbox.html",
        {"counts": outbox.counts(), "letters": outbox.dead_letters()},
    )
