"""'Mijn resultaten': a teacher keeps their own result codes on their account and may share one,
deliberately, with a team round of one of their schools. Everything is reached through
request.user, so another account's results do not exist for a visitor (404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from portal.hygiene import parse_id
from selfassessment import codes
from selfassessment.framework import COMPETENCES, LEVELS

from .forms import PersonalResultForm
from .models import PersonalResult, School, SharedResult, TeamAnswer, TeamRound


def _open_rounds(user):
    return TeamRound.objects.filter(school__in=School.objects.for_member(user), is_open=True).select_related(
        "school"
    )


def _levels(code: str) -> list[tuple[str, str]]:
    levels = codes.decode(code).levels
    return [(c, LEVELS[levels[c]] if levels.get(c) is not None else "–") for c in COMPETENCES]


@login_required
@require_http_methods(["GET", "POST"])
def my_results(request):
    form = PersonalResultForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        PersonalResult.objects.create(
            user=request.user,
            code=form.cleaned_data["code"],
            taken_on=form.cleaned_data["taken_on"],
            consented_at=timezone.now(),
        )
        messages.success(request, "Je resultaat is bewaard. Alleen jij ziet het.")
        return redirect("schools:my-results")
    results = request.user.personal_results.prefetch_related("shares__round__school")
    return TemplateResponse(
        request,
        "schools/my_results.html",
        {
            "form": form,
            "rows": [{"result": r, "levels": _levels(r.code)} for r in results],
            "rounds": list(_open_rounds(request.user)),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def delete_result(request, pk):
    result = get_object_or_404(request.user.personal_results, pk=pk)
    with transaction.atomic():
        result.forget()
    messages.success(request, "Je resultaat is gewist, ook uit de teamrondes waarmee je het deelde.")
    return redirect("schools:my-results")


@login_required
@require_POST
def share_result(request, pk):
    result = get_object_or_404(request.user.personal_results, pk=pk)
    round_pk = parse_id(request.POST.get("ronde", ""))
    team_round = _open_rounds(request.user).filter(pk=round_pk).first() if round_pk else None
    if team_round is None:
        messages.error(request, "Kies een open teamronde van een van je scholen. Er is niets gedeeld.")
    elif SharedResult.objects.filter(result__user=request.user, round=team_round).exists():
        messages.error(request, f"Je deelde al een resultaat met ‘{team_round.title}’. Er is niets gedeeld.")
    else:
        with transaction.atomic():
            answer = TeamAnswer.objects.create(round=team_round, levels=codes.decode(result.code).levels)
            SharedResult.objects.create(result=result, round=team_round, answer=answer)
        messages.success(
            request,
            f"Je resultaat telt nu anoniem mee in ‘{team_round.title}’ van {team_round.school.name}.",
        )
    return redirect("schools:my-results")


@login_required
@require_POST
def unshare_result(request, pk, share_pk):
    result = get_object_or_404(request.user.personal_results, pk=pk)
    share = get_object_or_404(result.shares, pk=share_pk)
    share.answer.delete()  # cascades to the share
    messages.success(request, f"Je resultaat telt niet meer mee in ‘{share.round.title}’.")
    return redirect("schools:my-results")
