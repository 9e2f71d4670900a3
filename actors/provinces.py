"""Which province a session's place lies in, read from its Belgian postcode (or, without one, a few
well-known municipalities), for the agenda's province filter. Unknown places match no province."""

import re

PROVINCES = [
    ("antwerpen", "Antwerpen"),
    ("limburg", "Limburg"),
    ("oost-vlaanderen", "Oost-Vlaanderen"),
    ("vlaams-brabant", "Vlaams-Brabant"),
    ("west-vlaanderen", "West-Vlaanderen"),
    ("brussel", "Brussels Gewest"),
    ("wallonie", "Wallonië"),
]
PROVINCE_LABELS = dict(PROVINCES)

# Belgian postcode ranges (bpost): first code of a range -> province.
POSTCODE_RANGES = [
    (1000, "brussel"),
    (1300, "wallonie"),
    (1500, "vlaams-brabant"),
    (2000, "antwerpen"),
    (3000, "vlaams-brabant"),
    (3500, "limburg"),
    (4000, "wallonie"),
    (8000, "west-vlaanderen"),
    (9000, "oost-vlaanderen"),
]
MUNICIPALITIES = {
    "antwerpen": "antwerpen",
    "mechelen": "antwerpen",
    "turnhout": "antwerpen",
    "hasselt": "limburg",
    "genk": "limburg",
    "gent": "oost-vlaanderen",
    "aalst": "oost-vlaanderen",
    "sint-niklaas": "oost-vlaanderen",
    "leuven": "vlaams-brabant",
    "vilvoorde": "vlaams-brabant",
    "brugge": "west-vlaanderen",
    "kortrijk": "west-vlaanderen",
    "oostende": "west-vlaanderen",
    "roeselare": "west-vlaanderen",
    "brussel": "brussel",
    "bruxelles": "brussel",
}
POSTCODE_RE = re.compile(r"\b([1-9]\d{3})\b")
WORD_RE = re.compile(r"[a-zà-ÿ-]+")


def province_of(location: str) -> str:
    match = POSTCODE_RE.search(location or "")
    if match:
        code = int(match.group(1))
        return next(province for start, province in reversed(POSTCODE_RANGES) if code >= start)
    for word in WORD_RE.findall((location or "").lower()):
        if word in MUNICIPALITIES:
            return MUNICIPALITIES[word]
    return ""
