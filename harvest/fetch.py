"""Fetching a provider's feed politely: a timeout, a size limit, ETag / If-Modified-Since so an
unchanged feed costs nothing, a user agent that says who asks, and a Dutch message for every failure."""

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings

USER_AGENT = "LeerkrachtPortaal-oogster/1.0 (+{contact}; leest aanbod van aanbieders een keer per dag)"


class FetchError(Exception):
    """The source could not be read; the message says why, in Dutch."""


@dataclass
class Fetched:
    text: str = ""
    etag: str = ""
    last_modified: str = ""
    not_modified: bool = False
    warnings: tuple[str, ...] = ()


def user_agent() -> str:
    return USER_AGENT.format(contact=getattr(settings, "WAGTAILADMIN_BASE_URL", "") + "/contact/")


def fetch(url: str, etag: str = "", last_modified: str = "") -> Fetched:
    timeout = getattr(settings, "HARVEST_TIMEOUT_SECONDS", 20)
    limit = getattr(settings, "HARVEST_MAX_BYTES", 5 * 1024 * 1024)
    request = urllib.request.Request(url, headers={"User-Agent": user_agent(), "Accept": "*/*"})
    if etag:
        request.add_header("If-None-Match", etag)
    if last_modified:
        request.add_header("If-Modified-Since", last_modified)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise FetchError(_too_big(limit))
            body = response.read(limit + 1)
            if len(body) > limit:
                raise FetchError(_too_big(limit))
            charset = response.headers.get_content_charset() or "utf-8"
            headers = response.headers
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Fetched(etag=etag, last_modified=last_modified, not_modified=True)
        if 300 <= exc.code < 400:
            raise FetchError(
                f"Het adres stuurt eindeloos door (HTTP {exc.code}); controleer de URL."
            ) from exc
        raise FetchError(f"De server antwoordt met HTTP {exc.code} ({exc.reason}).") from exc
    except TimeoutError as exc:
        raise FetchError(f"De server antwoordt te traag (geen antwoord binnen {timeout} s).") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            raise FetchError(f"De server antwoordt te traag (geen antwoord binnen {timeout} s).") from exc
        raise FetchError(f"De server is niet bereikbaar ({exc.reason}).") from exc
    except ValueError as exc:
        raise FetchError(f"Dit is geen geldig webadres: {url}") from exc
    text, warnings = _decode(body, charset)
    return Fetched(
        text=text,
        etag=headers.get("ETag", ""),
        last_modified=headers.get("Last-Modified", ""),
        warnings=warnings,
    )


def _too_big(limit: int) -> str:
    return f"Het bestand is te groot (meer dan {limit // 1024} kB); vraag de aanbieder om een kleinere feed."


def _decode(body: bytes, charset: str) -> tuple[str, tuple[str, ...]]:
    try:
        return body.decode(charset).lstrip("\ufeff"), ()
    except (UnicodeDecodeError, LookupError):
        pass
    for fallback in ("utf-8", "cp1252"):
        try:
            text = body.decode(fallback).lstrip("\ufeff")
        except UnicodeDecodeError:
            continue
        return text, (
            f"De server noemt de tekenset {charset}, maar het bestand is {fallback}; "
            f"gelezen als {fallback}. Vraag de aanbieder de juiste tekenset te melden.",
        )
    raise FetchError(f"De tekst is niet te lezen in tekenset {charset}.")
