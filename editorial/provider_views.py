"""The provider's page behind the link (public, no account) and the editors' report of the answers."""

from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.cache import never_cache
from wagtail.admin.views.reports import ReportView

from .provider_check import Verdict, check_for_token, expires_at, items_for, record_answers
from .provider_models import ProviderCheck
from .views import EditorsOnly

NOTE_LIMIT = 2000
PROBLEMS = {
    "verlopen": (
        "Deze link is verlopen",
        "Een controlelink werkt 30 dagen. Wil je toch iets laten weten over je aanbod? Gebruik de knop "
        "“Meld een fout of update” op de fiche, of mail de redactie (zie de contactpagina).",
        410,
    ),
    "ongeldig": (
        "Deze link werkt niet",
        "Controleer of je de volledige link uit de e-mail gebruikt. Elke link hoort bij één organisatie.",
        404,
    ),
    "vreemd": (
        "Dit formulier klopt niet",
        "Het formulier bevat een onderdeel dat niet bij deze organisatie hoort. Er is niets bewaard. "
        "Open de link uit je e-mail opnieuw en probeer het nog eens.",
        400,
    ),
}


def _problem(request, reason: str):
    title, text, status = PROBLEMS[reason]
    return render(
        request, "editorial/provider_check_problem.html", {"title": title, "text": text}, status=status
    )


@never_cache
def provider_check(request, token: str):
    check, reason = check_for_token(token)
    if check is None:
        return _problem(request, reason)
    items = items_for(check.actor)
    keys = {item.key for item in items}
    errors: dict[str, str] = {}
    if request.method == "POST":
        posted = {
            name.split("-", 1)[1] for name in request.POST if name.startswith(("antwoord-", "toelichting-"))
        }
        if posted - keys:
            return _problem(request, "vreemd")  # another actor's item: refused, nothing changes
        answers = []
        for item in items:
            verdict = request.POST.get(f"antwoord-{item.key}", "")
            note = request.POST.get(f"toelichting-{item.key}", "").strip()
            item.verdict, item.note = verdict, note
            if not verdict:
                continue
            if verdict not in Verdict.values:
                errors[item.key] = "Kies een van de drie antwoorden."
            elif len(note) > NOTE_LIMIT:
                errors[item.key] = f"Schrijf hoogstens {NOTE_LIMIT} tekens."
            elif verdict == Verdict.CHANGE and not note:
                errors[item.key] = "Schrijf kort wat er moet wijzigen."
            else:
                answers.append((item, verdict, note))
        if not answers and not errors:
            errors["algemeen"] = "Kies bij minstens één onderdeel een antwoord."
        if not errors:
            record_answers(check, answers)
            return redirect(reverse("provider-check", args=[token]) + "?bedankt=1#bedankt")
    for item in items:
        item.error = errors.get(item.key, "")
    context = {
        "check": check,
        "actor": check.actor,
        "items": items,
        "errors": errors,
        "verdicts": Verdict.choices,
        "expires": expires_at(check),
        "thanks": request.method == "GET" and "bedankt" in request.GET,
        "answered": check.answers.count(),
    }
    return render(request, "editorial/provider_check.html", context, status=400 if errors else 200)


urlpatterns = [path("aanbieders/controle/<str:token>/", provider_check, name="provider-check")]


class ProviderAnswersView(EditorsOnly, ReportView):
    """Who was asked, when, who answered and what: one row per question, newest first."""

    page_title = "Antwoorden van aanbieders"
    header_icon = "tick"
    results_template_name = "editorial/provider_answers_results.html"
    index_url_name = "editorial:provider_answers"
    index_results_url_name = "editorial:provider_answers_results"
    list_export = ["actor.title", "email", "sent_at", "reminded_at", "answered_at"]
    export_headings = {
        "actor.title": "Organisatie",
        "email": "Gevraagd aan",
        "sent_at": "Verstuurd op",
        "reminded_at": "Herinnerd op",
        "answered_at": "Beantwoord op",
    }

    def get_queryset(self):
        return ProviderCheck.objects.select_related("actor").prefetch_related("answers__submission")
