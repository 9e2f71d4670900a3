"""Dutch text for search: normalising, index terms, query terms and highlighting.

One implementation for both database engines (SQLite FTS5 and PostgreSQL), so they find the same
things: text is folded to lower-case ASCII ("coördinator" -> "coordinator"), split into words, and
every word is indexed both as written and as its match key (`dutch.match_key`: Snowball Dutch stem
plus the word forms Snowball misses, "materialen" and "materiaal" -> "material"). Hyphenated words
are also indexed joined, compounds also as their parts (`dutch`). A query's words match by key; its
last word also matches as a prefix of any indexed word, so "programm" finds "programmeren" while the
user is still typing.
"""

import html
import re
from functools import lru_cache

from .dutch import FUNCTION_WORDS, compound_parts, fold, match_key, split_compound

MAX_QUERY_LENGTH = 500
MAX_QUERY_TERMS = 12  # a pasted paragraph must not turn into a huge query
_WORD = re.compile(r"[a-z0-9]+")
_HYPHENATED = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
# Words too common to narrow a query down; they are still indexed (a title may be just "Over ons").
# The Snowball project's Dutch stop list: a teacher who types a sentence ("bijscholing die een
# blijvend effect heeft") means its content words; "heeft" or "al" as required words only cut the
# fiches that are about it. (On bench/relevance.py's sets the effect is within noise: -0.005 to +0.009.)
SNOWBALL_DUTCH = frozenset(
    "de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem "
    "dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb "
    "hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer "
    "doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt wezen "
    "kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere".split()
)
# how teachers phrase a question ("ik zoek een opleiding om ... te worden"): not what it is about
ASKING = frozenset("jij jouw jullie we wij onze zoek zoeken graag willen welke waar".split())
STOPWORDS = FUNCTION_WORDS | SNOWBALL_DUTCH | ASKING


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def index_terms(text: str) -> str:
    """The terms stored for a text: every word and its match key, compounds also as their parts,
    hyphenated words also joined ("e-learning" -> "elearning")."""
    parts = compound_parts()
    terms = []
    for word in index_words(text):
        terms += _word_terms(word)
        for part in split_compound(word, parts) or ():
            terms += _word_terms(part)
    return " ".join(terms)


def index_words(text: str) -> list[str]:
    """The words of a text as indexed: every word, then every hyphenated word joined."""
    folded = fold(text)
    return _WORD.findall(folded) + [w.replace("-", "") for w in _HYPHENATED.findall(folded)]


def _word_terms(word: str) -> list[str]:
    key = match_key(word)
    return [word, key] if key != word else [word]


def clean_query(raw: str) -> str:
    """The query as a user typed it, cut to a sane length, control characters removed."""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in raw or "")
    return " ".join(cleaned.split())[:MAX_QUERY_LENGTH].strip()


def query_words(query: str) -> tuple[list[str], str | None]:
    """(the complete words that count, the last word or None when it may still be unfinished).

    The last word is unfinished only when the query does not end in a space or punctuation.
    """
    found = words(query)
    if not found:
        return [], None
    unfinished = query[-1].isalnum() and len(found[-1]) >= 2
    last = found[-1] if unfinished else None
    complete = found[:-1] if unfinished else found
    kept = [word for word in complete if word not in STOPWORDS]
    if last in STOPWORDS and kept:
        last = None  # "opleidingen van de": the user is done with the meaningful words
    if not kept and last is None:
        kept = complete  # only stopwords: search them as typed rather than nothing
    return _dedupe(kept)[:MAX_QUERY_TERMS], last


def typed_forms(query: str) -> dict[str, str]:
    """Each folded query word -> the word as the user typed it ("coordinator" -> "ict-coördinator"),
    to name words back to the user in their own spelling."""
    forms: dict[str, str] = {}
    for token in query.split():
        typed = token.strip(".,;:!?()[]{}\"'‘’“”")
        for word in words(token):
            forms.setdefault(word, typed or word)
    return forms


def query_terms(query: str) -> tuple[list[str], str | None]:
    """(match keys of the complete words, the last word as a prefix or None)."""
    complete, last = query_words(query)
    return _dedupe(match_key(word) for word in complete), last


def _dedupe(items) -> list[str]:
    return list(dict.fromkeys(items))


@lru_cache(maxsize=100_000)
def _fold_token(token: str) -> str:
    return fold(token)  # one word of a snippet: the same few thousand words come back all the time


def highlight(text: str, query: str, length: int = 240, extra=()) -> str:
    """An HTML-escaped snippet of `text` around the first match, matched words in <mark>."""
    stems, prefix = query_terms(query)
    if not text:
        return ""
    tokens = list(re.finditer(r"\w+", text))

    def matches(token: str) -> bool:
        folded = _fold_token(token)
        return (
            match_key(folded) in stems
            or folded in stems
            or (prefix is not None and folded.startswith(prefix))
            or bool(extra and match_key(folded) in extra)
        )

    hits = [m for m in tokens if matches(m.group())] if (stems or prefix or extra) else []
    start = 0
    if hits and hits[0].start() > length // 3:
        start = text.rfind(" ", 0, hits[0].start() - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + length // 2)
    pieces, cursor = [], start
    for match in hits:
        if match.start() < start or match.end() > end:
            continue
        pieces.append(html.escape(text[cursor : match.start()]))
        pieces.append(f"<mark>{html.escape(match.group())}</mark>")
        cursor = match.end()
    pieces.append(html.escape(text[cursor:end]))
    snippet = "".join(pieces).strip()
    return ("… " if start > 0 else "") + snippet + (" …" if end < len(text) else "")
