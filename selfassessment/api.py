"""POST /api/zelfevaluatie/ (answers or levels -> result) and GET /api/zelfevaluatie/<code>/.

Thin: parse and validate the body, build the report, answer JSON. Every bad input is a 400 with a
Dutch message in "error"; nothing is stored or logged.
"""

from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from portal.hygiene import BadInput, load_json

from . import codes
from .report import build_report, report_for_code
from .validation import (
    InvalidInput,
    levels_from_answers,
    levels_from_level_codes,
    marked_competences,
    require_some_level,
)

MAX_BODY_BYTES = 20_000
KNOWN_KEYS = {"levels", "answers", "marked"}


def _json(data: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _error(message: str) -> JsonResponse:
    return _json({"error": message}, status=400)


def parse_body(raw: bytes) -> tuple[dict, frozenset]:
    """The request body -> (levels per competence, marked competences); raises InvalidInput."""
    if len(raw) > MAX_BODY_BYTES:
        raise InvalidInput(f"De aanvraag is te groot (hoogstens {MAX_BODY_BYTES} bytes).")
    try:
        body = load_json(raw or b"null", max_bytes=MAX_BODY_BYTES, max_depth=8, where="De aanvraag")
    except BadInput as exc:
        raise InvalidInput(f"De aanvraag is geen geldige JSON. {exc}") from None
    if not isinstance(body, dict) or not body:
        raise InvalidInput(
            'Stuur een JSON-object met "levels" (bv. {"2.1": "A2"}) of "answers" (bv. {"2.1": 1}).'
        )
    unknown = sorted(str(key)[:20] for key in body if key not in KNOWN_KEYS)
    if unknown:
        raise InvalidInput(
            f"Onbekende sleutel(s): {', '.join(unknown[:5])}. Gebruik levels, answers en marked."
        )
    if ("levels" in body) == ("answers" in body):
        raise InvalidInput('Geef ofwel "levels" ofwel "answers" op, niet allebei en niet geen van beide.')
    if "levels" in body:
        levels = levels_from_level_codes(body["levels"])
    else:
        levels = levels_from_answers(body["answers"])
    require_some_level(levels)
    return levels, marked_competences(body.get("marked"))


@csrf_exempt
@require_POST
def assess(request):
    try:
        try:
            raw = request.body
        except RequestDataTooBig:
            raise InvalidInput(f"De aanvraag is te groot (hoogstens {MAX_BODY_BYTES} bytes).") from None
        levels, marked = parse_body(raw)
    except InvalidInput as exc:
        return _error(str(exc))
    return _json(build_report(levels, marked).as_json(request.build_absolute_uri))


@require_GET
def assess_code(request, code: str):
    try:
        report = report_for_code(code)
    except codes.InvalidCode as exc:
        return _error(str(exc))
    return _json(report.as_json(request.build_absolute_uri))
