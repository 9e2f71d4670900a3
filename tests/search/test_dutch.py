"""Folding (search/dutch.py): the one form the index and the queries share."""

import re
import sys
import unicodedata

from search.dutch import fold


def reference(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"(?<=[a-z])['’]s\b", "s", plain)


def test_folding_strips_every_combining_mark_as_a_full_scan_would():
    """fold() looks only at non-ASCII runs (speed); the result equals a scan of every character."""
    every = "".join(chr(p) for p in range(sys.maxunicode + 1) if not 0xD800 <= p <= 0xDFFF)
    for text in [every, "Foto’s van de Ĳzer-reünie", "CAFÉ crème", "naïeve coördinator's", "ﬁches ①"]:
        assert fold(text) == reference(text)
    assert fold("Coördinator’s café") == "coordinators cafe"
