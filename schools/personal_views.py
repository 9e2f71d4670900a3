"""'Mijn resultaten': a teacher keeps their own result codes on their account and may share one,
deliberately, with a team round of one of their schools. Everything is reached through
request.user, so another account's results do not exist for a visitor (404)."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import ProtectedError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from portal.hygiene import parse_id
from selfassessment import codes
from selfassessment.framework import COMPETENCES, LEVELS

from . import personal_data, rounds
from .confirm import confirm_then_delete
from .forms import PersonalResultForm
from .models import PersonalResult, School, SharedResult, TeamRound


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
@require_http_methods(["GET", "POST"])
def delete_result(request, pk):
    result = get_object_or_404(request.user.personal_results, pk=pk)
    return confirm_then_delete(
        request,
        delete=result.forget,
        done="Je resultaat is gewist, ook uit de teamrondes waarmee je het deelde.",
        title="Resultaat wissen",
        question=f"Wil je je zelfevaluatie van {result.taken_on:%d/%m/%Y} wissen?",
        consequences=["Als je ze deelde met een teamronde die nog open is, telt ze daar niet meer mee."],
        back=reverse("schools:my-results"),
    )


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
        try:
            with transaction.atomic():
                answer = rounds.answer_with_account(team_round, request.user, result.code)
                SharedResult.objects.create(result=result, round=team_round, answer=answer)
        except rounds.Refused as exc:
            messages.error(request, f"{exc} Er is niets gedeeld.")
            return redirect("schools:my-results")
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
    with transaction.atomic():
        share.answer.delete()  # cascades to the share
        rounds.give_back(share.round, request.user)
    messages.success(request, f"Je resultaat telt niet meer mee in ‘{share.round.title}’.")
    return redirect("schools:my-results")


@login_required
def my_data(request):
    response = JsonResponse(
        personal_data.export(request.user), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    user = request.user
    blocking = personal_data.blocking_schools(user)
    error = None
    if request.method == "POST":
        if blocking:
            error = "Duid eerst een andere beheerder aan in de scholen hieronder. Er is niets gewist."
        elif not user.check_password(request.POST.get("password", "")):
            error = "Dat wachtwoord klopt niet. Er is niets gewist."
        else:
            try:
                with transaction.atomic():
                    user.delete()  # pre_delete withdraws shared answers; FKs cascade
            except ProtectedError:
                error = (
                    "Je account is verbonden met inhoud van de redactie en kan hier niet gewist worden. "
                    "Neem contact op met de beheerders van Leerkr@cht.net. Er is niets gewist."
                )
            else:
                logout(request)
                return TemplateResponse(request, "schools/account_deleted.html")
    return TemplateResponse(
        request,
        "schools/delete_account.html",
        {"blocking": blocking, "sole": personal_data.sole_schools(user), "error": error},
        status=400 if error else 200,
    )
