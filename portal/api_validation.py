"""Every query parameter of the read API is checked here before Wagtail sees it: a bad value gets a
400 with a Dutch message that says what is allowed, never a server error.

Wagtail's own checks stay behind this (unknown parameters, unknown fields or types); this module
rejects what would otherwise reach the database or the search backend unchecked.
"""

import re

from django.conf import settings
from wagtail.api.v2.utils import BadRequestError

MAX_VALUE_LENGTH = 500
MAX_SEARCH_LENGTH = 200
MAX_OFFSET = 100_000
MAX_ID_DIGITS = 18  # fits a 64-bit integer column on every database engine
SEARCH_OPERATORS = ("and", "or")
PAGE_ID_PARAMETERS = ("child_of", "descendant_of", "ancestor_of", "translation_of")
HOST_RE = re.compile(r"^[A-Za-z0-9.-]{1,253}(?::\d{1,5})?$")
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


def validate_api_query(query) -> None:
    """Raise BadRequestError for the first bad parameter of this QueryDict."""
    for name in query:
        for value in query.getlist(name):
            _check_text(name, value)
    if "search" in query:
        _check_search(query["search"])
    if "search_operator" in query and query["search_operator"] not in SEARCH_OPERATORS:
        raise BadRequestError("search_operator moet ‘and’ of ‘or’ zijn.")
    if "offset" in query:
        _check_number("offset", query["offset"], 0, MAX_OFFSET)
    if "limit" in query:
        _check_number("limit", query["limit"], 0, getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20))
    if "id" in query:
        _check_page_id("id", query["id"])
    for name in PAGE_ID_PARAMETERS:
        if name in query and query[name] != "root":
            _check_page_id(name, query[name])
    if "locale" in query:
        codes = [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES]
        if query["locale"] not in codes:
            raise BadRequestError(f"locale moet een van deze talen zijn: {', '.join(codes)}.")
    if "site" in query and not HOST_RE.match(query["site"]):
        raise BadRequestError("site moet een hostnaam zijn, eventueel met poort (bv. portaal.example:443).")


def _check_text(name: str, value: str) -> None:
    if len(value) > MAX_VALUE_LENGTH:
        raise BadRequestError(f"{name} is te lang (hoogstens {MAX_VALUE_LENGTH} tekens).")
    if CONTROL_RE.search(value):
        raise BadRequestError(f"{name} bevat onzichtbare stuurtekens; laat die weg.")


def _check_search(value: str) -> None:
    if len(value) > MAX_SEARCH_LENGTH:
        raise BadRequestError(f"search is te lang (hoogstens {MAX_SEARCH_LENGTH} tekens).")
    if '"' in value:
        raise BadRequestError(
            'search mag geen aanhalingstekens (") bevatten: zoeken op een exacte zin kan niet.'
        )


def _check_number(name: str, value: str, lowest: int, highest: int) -> None:
    if not value.isascii() or not value.isdigit() or int(value) < lowest or int(value) > highest:
        raise BadRequestError(f"{name} moet een geheel getal van {lowest} tot {highest} zijn.")


def _check_page_id(name: str, value: str) -> None:
    if not value.isascii() or not value.isdigit() or len(value) > MAX_ID_DIGITS:
        extra = " of ‘root’" if name in PAGE_ID_PARAMETERS else ""
        raise BadRequestError(f"{name} moet het nummer van een pagina zijn{extra}.")


# Wagtail's own API messages (behind the checks above), in Dutch: (pattern, message with the groups).
WAGTAIL_MESSAGES = [
    (
        r"query parameter is not an operation or a recognised field: (.+)",
        "Onbekende parameter: {0}. Zie /api/ voor de parameters die de API kent.",
    ),
    (r"unknown fields: (.+)", "Onbekend veld in fields: {0}. Zie /api/ voor de velden van een fiche."),
    (r"type doesn't exist", "Dit type bestaat niet. Gebruik bv. type=actors.ActionPage."),
    (r"fields error: (.+)", "fields is ongeldig: {0}"),
    (r"cannot order by '(.+)' \(unknown field\)", "Sorteren op ‘{0}’ kan niet: onbekend veld."),
    (r"random ordering with offset is not supported", "Willekeurige volgorde gaat niet samen met offset."),
    (r"search is disabled", "Zoeken via deze API staat uit; gebruik /api/zoeken/."),
    (r"(\w+) must be a positive integer", "{0} moet een positief geheel getal zijn."),
    (r"limit cannot be higher than (\d+)", "limit mag hoogstens {0} zijn."),
    (r"(parent|descendant|ancestor|translation_of) page doesn't exist", "Die pagina bestaat niet."),
    (r"No \w+ matches the given query\.", "Geen fiche met dit nummer (of ze is niet openbaar)."),
    (
        r"filtering by tag with a search query is not supported",
        "Filteren op trefwoord gaat niet samen met search.",
    ),
]


def in_dutch(message: str) -> str:
    """Wagtail's English API message in Dutch; a message that is already Dutch stays as it is."""
    for pattern, dutch in WAGTAIL_MESSAGES:
        match = re.fullmatch(pattern, message.strip())
        if match:
            return dutch.format(*match.groups())
    return message
