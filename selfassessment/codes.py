"""The result code: a compact, versioned, checked encoding of a self-assessment result for a URL.

It holds only the levels per competence and the competences the teacher marked as a priority: no
names, no answers to open questions, nothing personal. A school (issue 16) can collect codes later.

Version 1 (24 characters of Crockford base32, e.g. ``1ABCD...``):
    char 0      the version, one base32 digit ("1")
    the rest    base32 of 14 bytes: 8 bytes = the 22 levels as one base-7 number (digit 0..5 =
                A1..C2, 6 = no level), 3 bytes = a 22-bit mask of marked priorities, 3 bytes = the
                first bytes of SHA-256 over the version and the 11 payload bytes.
The check detects typing errors, truncation and casual tampering (it is not a signature: a result
code grants nothing, so there is nothing to forge). Every version's decoder stays here for good,
with the competence order frozen as it was, so old bookmarks keep working.
"""

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
_DECODE = {char: value for value, char in enumerate(ALPHABET)}
_DECODE.update({"O": 0, "I": 1, "L": 1})
CURRENT_VERSION = 1
MAX_CODE_LENGTH = 64

# Frozen for version 1: never edit; a new framework needs a new version.
V1_COMPETENCES = (
    "1.1", "1.2", "1.3", "1.4",
    "2.1", "2.2", "2.3",
    "3.1", "3.2", "3.3", "3.4",
    "4.1", "4.2", "4.3",
    "5.1", "5.2", "5.3",
    "6.1", "6.2", "6.3", "6.4", "6.5",
)  # fmt: skip
_V1_NO_LEVEL = 6
_V1_CHECK_BYTES = 3


class InvalidCode(ValueError):
    """The code cannot be read; the message is Dutch and meant for the visitor."""


@dataclass(frozen=True)
class DecodedResult:
    version: int
    levels: dict[str, int | None]
    marked: frozenset[str]


def encode(levels: Mapping[str, int | None], marked: Iterable[str] = ()) -> str:
    return _encode_v1(levels, marked)


def decode(code: str) -> DecodedResult:
    cleaned = normalise(code)
    if not cleaned:
        raise InvalidCode("Er is geen resultaatcode opgegeven.")
    version = _DECODE.get(cleaned[0])
    decoder = DECODERS.get(version)
    if decoder is None:
        raise InvalidCode("Deze resultaatcode is onbekend: controleer of je ze volledig hebt gekopieerd.")
    return decoder(cleaned[1:])


def normalise(code: str) -> str:
    """Upper case, without the spaces and dashes people add when they copy a code."""
    return "".join(str(code or "")[: MAX_CODE_LENGTH * 2].split()).replace("-", "").upper()[:MAX_CODE_LENGTH]


def _check(data: bytes, size: int) -> bytes:
    return hashlib.sha256(data).digest()[:size]


def _encode_v1(levels: Mapping[str, int | None], marked: Iterable[str]) -> str:
    number = 0
    for code in reversed(V1_COMPETENCES):
        level = levels.get(code)
        if level is not None and not 0 <= level <= 5:
            raise ValueError(f"level out of range for {code}: {level}")
        number = number * 7 + (_V1_NO_LEVEL if level is None else level)
    marked = set(marked)
    mask = sum(1 << i for i, code in enumerate(V1_COMPETENCES) if code in marked)
    payload = bytes([1]) + number.to_bytes(8, "big") + mask.to_bytes(3, "big")
    body = payload[1:] + _check(payload, _V1_CHECK_BYTES)
    return ALPHABET[1] + _base32(body)


def _decode_v1(text: str) -> DecodedResult:
    body = _unbase32(text, 14)
    payload = bytes([1]) + body[:11]
    if body[11:] != _check(payload, _V1_CHECK_BYTES):
        raise InvalidCode(
            "Deze resultaatcode klopt niet: er is een teken gewijzigd of weggevallen. Kopieer de code opnieuw."
        )
    number = int.from_bytes(body[:8], "big")
    mask = int.from_bytes(body[8:11], "big")
    if number >= 7 ** len(V1_COMPETENCES) or mask >= 1 << len(V1_COMPETENCES):
        raise InvalidCode("Deze resultaatcode klopt niet. Kopieer de code opnieuw.")
    levels = {}
    for code in V1_COMPETENCES:
        number, digit = divmod(number, 7)
        levels[code] = None if digit == _V1_NO_LEVEL else digit
    marked = frozenset(code for i, code in enumerate(V1_COMPETENCES) if mask >> i & 1)
    return DecodedResult(version=1, levels=levels, marked=marked)


DECODERS = {1: _decode_v1}


def _base32(data: bytes) -> str:
    bits = len(data) * 8
    number = int.from_bytes(data, "big") << (-bits % 5)
    length = -(-bits // 5)
    return "".join(ALPHABET[(number >> (5 * (length - 1 - i))) & 31] for i in range(length))


def _unbase32(text: str, size: int) -> bytes:
    bits = size * 8
    length = -(-bits // 5)
    if len(text) != length:
        raise InvalidCode(
            "Deze resultaatcode is te kort of te lang: een volledige code telt "
            f"{length + 1} tekens. Kopieer de code opnieuw."
        )
    number = 0
    for char in text:
        value = _DECODE.get(char)
        if value is None:
            raise InvalidCode(
                f"Een resultaatcode bevat alleen cijfers en letters; '{char}' hoort er niet in."
            )
        number = number * 32 + value
    padding = -bits % 5
    if number & ((1 << padding) - 1):
        raise InvalidCode("Deze resultaatcode klopt niet. Kopieer de code opnieuw.")
    return (number >> padding).to_bytes(size, "big")
