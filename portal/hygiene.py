"""Input hygiene: what no URL, form, upload or import may carry further into the portal.

- NUL bytes and lone surrogates (text that is not valid Unicode) are refused everywhere: PostgreSQL
  refuses them with an error, SQLite would store them and hand them on (a feed, an .ics file).
  `InputHygieneMiddleware` refuses them in the path, the query and the form fields of every request
  with a 400 and a Dutch page; uploads and JSON imports check their own text (`refuse_bad_text`).
- Ids are bounded (`parse_id`, `bound_integers`): at most 2^31 - 1, the range of every database's
  integer column. SQLite raises OverflowError on a larger one, Python refuses more than 4,300 digits.
- JSON imports are parsed with `load_json`: a size limit, a nesting limit (checked before parsing, so
  50,000 opening brackets never reach the recursive parser) and the text rules above on every string.
"""

import json
import re

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.template.response import TemplateResponse

MAX_ID = 2**31 - 1
MAX_JSON_DEPTH = 32
_BAD_CHARACTER = re.compile("[\x00\ud800-\udfff]")

BAD_TEXT_MESSAGE = (
    "De tekst bevat een ongeldig teken (een NUL-teken of een losse surrogaat). "
    "Verwijder het en probeer opnieuw."
)


class BadInput(ValueError):
    """A Dutch message for the user: the input is refused, nothing changed."""


def has_bad_characters(text: str) -> bool:
    return bool(_BAD_CHARACTER.search(text))


def refuse_bad_text(text: str, where: str = "Het bestand") -> str:
    """`text` itself, or BadInput when it holds a NUL byte or a lone surrogate."""
    match = _BAD_CHARACTER.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        raise BadInput(
            f"{where} bevat op regel {line} een ongeldig teken (een NUL-teken of een losse surrogaat). "
            "Er is niets ingelezen."
        )
    return text


def parse_id(value) -> int | None:
    """A database id typed or sent as text: a positive int up to MAX_ID, else None (never an error)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 < value <= MAX_ID else None
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value or len(value) > 10 or not (value.isascii() and value.isdigit()):
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


def is_id_text(value: str) -> bool:
    """ASCII digits only (str.isdigit also takes '²' and '١', which int() then refuses or accepts)."""
    return value.isascii() and value.isdigit()


def bound_integers(form) -> None:
    """Give every integer field of `form` an upper bound MAX_ID with a Dutch message."""
    from django import forms

    for field in form.fields.values():
        if isinstance(field, forms.IntegerField) and not isinstance(field, forms.DecimalField):
            if field.max_value is None or field.max_value > MAX_ID:
                field.max_value = MAX_ID
                field.validators.append(
                    MaxValueValidator(MAX_ID, message=f"Geef een getal van hoogstens {MAX_ID}.")
                )
                field.widget.attrs["max"] = MAX_ID


def json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in `text` (strings skipped), without recursion."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def load_json(raw: bytes | str, *, max_bytes: int, max_depth: int = MAX_JSON_DEPTH, where="Het bestand"):
    """Parse an uploaded JSON document, or BadInput with a Dutch message."""
    if len(raw) > max_bytes:
        raise BadInput(f"{where} is te groot (meer dan {max_bytes // 1024} kB).")
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise BadInput(f"{where} is geen UTF-8-tekst.") from exc
    if json_depth(raw) > max_depth:
        raise BadInput(f"{where} is te diep genest (meer dan {max_depth} niveaus).")
    try:
        document = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BadInput(f"{where} is ongeldig: geen geldig JSON ({exc.msg}, regel {exc.lineno}).") from exc
    except (ValueError, RecursionError) as exc:  # e.g. an integer of more than 4,300 digits
        raise BadInput(f"{where} is geen bruikbaar JSON (een getal of tekst is te lang).") from exc
    _refuse_bad_strings(document, where)
    return document


def _refuse_bad_strings(document, where) -> None:
    stack = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if has_bad_characters(item):
                raise BadInput(f"{where} bevat een ongeldig teken (een NUL-teken of een losse surrogaat).")
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class InputHygieneMiddleware:
    """Refuse a request whose path, query or form fields hold a NUL byte or a lone surrogate.

    Such text can only be typed on purpose; answering it with a 400 and a Dutch page here keeps it out
    of every view, cache key and database (PostgreSQL errors on it, SQLite stores it). Uploaded
    files are not read here: their importers check their own text."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._is_dirty(request):
            return self.refuse(request)
        return self.get_response(request)

    @staticmethod
    def _is_dirty(request) -> bool:
        if has_bad_characters(request.path_info) or has_bad_characters(request.path):
            return True
        if _query_dict_is_dirty(request.GET):
            return True
        if request.method == "POST" and request.content_type in FORM_TYPES:
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > (settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 2_621_440):
                return False  # a large upload: its form's fields refuse NUL themselves
            _ = request.body  # read whole and kept, so a view that reads the raw body still can
            return _query_dict_is_dirty(request.POST)
        return False

    @staticmethod
    def refuse(request):
        response = TemplateResponse(
            request, "portal/bad_input.html", {"message": BAD_TEXT_MESSAGE}, status=400
        )
        response["Cache-Control"] = "no-store"
        return response.render()


def _query_dict_is_dirty(data) -> bool:
    for key, values in data.lists():
        if has_bad_characters(key) or any(has_bad_characters(v) for v in values if isinstance(v, str)):
            return True
    return False
