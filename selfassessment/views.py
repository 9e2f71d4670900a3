"""The self-assessment pages: thin views over instrument, validation, codes, scoring and recommendations.

Nothing is stored: the answers travel in the form (hidden fields between steps) and end up in the
result code in the URL. Bad input gives a friendly page, never an error. The forms are exempt from
CSRF on purpose: posting them changes nothing on the server (they only compute), and so the
self-assessment sets no cookie at all.
"""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.core import is_ratelimited
from django_ratelimit.exceptions import Ratelimited

from portal.client_address import client_key
from portal.taxonomy import DigCompEduArea
from search import cached_per_index_version as cached

from . import codes
from .framework import AREAS, COMPETENCES, COMPETENCES_OF, LEVELS
from .instrument import load_steps
from .presentation import result_context
from .report import report_for_code
from .validation import InvalidInput, levels_from_level_codes, require_some_level

NOT_APPLICABLE = "nvt"
ANSWER_VALUES = {str(i): i for i in range(len(LEVELS))} | {NOT_APPLICABLE: None}


@require_GET
def start(request):
    return render(request, "selfassessment/start.html", {"steps": load_steps()})


def _read_answers(post) -> tuple[dict[str, int | None], set[str]]:
    """The answers and marks in a POST; values that are not an option are left out (asked again)."""
    answers = {}
    for code in COMPETENCES:
        raw = post.get(f"a-{code}")
        if raw in ANSWER_VALUES:
            answers[code] = ANSWER_VALUES[raw]
    marked = {code for code in COMPETENCES if post.get(f"p-{code}") == "ja"}
    return answers, marked


def _raw(value: int | None) -> str:
    return NOT_APPLICABLE if value is None else str(value)


def _question_item(question, answers: dict, marked: set, errors: set) -> dict:
    code = question.competence.code
    chosen = _raw(answers[code]) if code in answers else None
    return {
        "question": question,
        "code": code,
        "options": [
            (str(value), level, text, chosen == str(value)) for value, level, text in question.options
        ],
        "not_applicable": chosen == NOT_APPLICABLE,
        "marked": code in marked,
        "error": code in errors,
    }


@csrf_exempt
@require_http_methods(["GET", "POST"])
def questions(request):
    steps = load_steps()
    if not steps:  # every question deleted in the admin: say so instead of failing
        return render(request, "selfassessment/start.html", {"steps": steps}, status=503)
    answers, marked, number, errors, message = {}, set(), 1, set(), ""
    if request.method == "POST":
        answers, marked = _read_answers(request.POST)
        try:
            number = min(max(int(request.POST.get("stap", "1")), 1), len(steps))
        except ValueError:
            number = 1
        if request.POST.get("ga") == "vorige":
            number = max(number - 1, 1)
        else:
            errors = {
                q.competence.code for q in steps[number - 1].questions if q.competence.code not in answers
            }
            if errors:
                message = "Kies bij elke vraag een antwoord, of ‘niet van toepassing’."
            elif number < len(steps):
                number += 1
            elif not any(level is not None for level in answers.values()):
                message = "Je koos overal ‘niet van toepassing’: dan is er geen niveau te berekenen. Kies minstens bij één vraag wat je doet."
            else:
                return redirect("selfassessment:result", code=codes.encode(answers, marked))
    step = steps[number - 1]
    shown = {q.competence.code for q in step.questions}
    items = [_question_item(q, answers, marked, errors) for q in step.questions]
    hidden = [(f"a-{code}", _raw(value)) for code, value in answers.items() if code not in shown]
    hidden += [(f"p-{code}", "ja") for code in sorted(marked) if code not in shown]
    context = {
        "step": step,
        "steps": steps,
        "items": items,
        "hidden": hidden,
        "message": message,
        "is_last": number == len(steps),
    }
    return render(request, "selfassessment/step.html", context, status=400 if message else 200)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def shortcut(request):
    """ "Ik heb al een resultaat": a level per area or per competence, straight to the recommendations."""
    message, chosen = "", {}
    if request.method == "POST":
        chosen = {
            key: request.POST.get(f"n-{key}", "").strip()
            for key in (*AREAS, *COMPETENCES)
            if request.POST.get(f"n-{key}", "").strip()
        }
        try:
            if not chosen:
                raise InvalidInput("Kies minstens voor één domein of competentie een niveau.")
            levels = levels_from_level_codes(chosen)
            require_some_level(levels)
        except InvalidInput as exc:
            message = str(exc)
        else:
            return redirect("selfassessment:result", code=codes.encode(levels))
    areas = [
        {
            "area": area,
            "value": chosen.get(area.code, ""),
            "competences": [
                {"competence": c, "value": chosen.get(c.code, "")}
                for c in area.competences.all()
                if c.code in COMPETENCES_OF.get(area.code, ())
            ],
        }
        for area in DigCompEduArea.objects.prefetch_related("competences").order_by("sort_order")
    ]
    return render(
        request,
        "selfassessment/shortcut.html",
        {"areas": areas, "levels": LEVELS, "message": message},
        status=400 if message else 200,
    )


def _bad_code(request, exc: codes.InvalidCode, code: str = ""):
    return render(
        request,
        "selfassessment/bad_code.html",
        {"message": str(exc), "code": code[:80]},
        status=400,
    )


@require_GET
def result(request, code: str):
    try:
        report = report_for_code(code)
        before = report_for_code(request.GET["vorige"]) if request.GET.get("vorige", "").strip() else None
    except codes.InvalidCode as exc:
        return _bad_code(request, exc, code)
    if report.code != code:  # a pasted code with lower case, dashes or spaces: one address per result
        query = f"?vorige={before.code}" if before else ""
        return redirect(f"/zelfevaluatie/resultaat/{report.code}/{query}")
    return render(request, "selfassessment/result.html", result_context(request, report, before))


@require_GET
def compare_form(request):
    """The "vergelijk" form sends both codes here; without JavaScript too."""
    now = request.GET.get("nu", "")
    try:
        report = report_for_code(now)
        before = report_for_code(request.GET.get("vorige", ""))
    except codes.InvalidCode as exc:
        return _bad_code(request, exc)
    return redirect(f"/zelfevaluatie/resultaat/{report.code}/?vorige={before.code}")


@require_GET
def result_json(request, code: str):
    try:
        report = report_for_code(code)
    except codes.InvalidCode as exc:
        return _bad_code(request, exc, code)
    response = JsonResponse(
        report.as_json(request.build_absolute_uri), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = f'attachment; filename="zelfevaluatie-{report.code}.json"'
    return response


@require_GET
def result_pdf(request, code: str):
    try:
        report = report_for_code(code)
    except codes.InvalidCode as exc:
        return _bad_code(request, exc, code)
    from .pdf import render_pdf

    def render_once():
        # Rendering takes seconds: each client may have RESULT_PDF_RATE of them rendered; a cached
        # PDF costs nothing and is not counted (a class behind one connection, one code each).
        if is_ratelimited(
            request, group="result-pdf", key=client_key, rate=settings.RESULT_PDF_RATE, increment=True
        ):
            raise Ratelimited  # the Dutch 429 page (django-ratelimit's middleware)
        return render_pdf(request, "selfassessment/result_pdf.html", result_context(request, report, None))

    # The PDF depends on the code and on the catalogue it recommends from: cached per code and
    # index version (and host, for its links).
    pdf = cached("result-pdf", (request.get_host(), report.code), render_once)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="zelfevaluatie-{report.code}.pdf"'
    return response
