"""Dutch word forms and compounds: the one place both database engines (and the vocabulary) fold words.

Snowball's Dutch stemmer misses alternations teachers type every day, so every word also gets a
*match key* that is the same for its forms:

- accents and diaereses are folded ("coördinator" -> "coordinator"), "foto's" is "fotos";
- diminutives lose -etje/-tje/-pje/-je ("filmpje" -> "film");
- a plural -s after a vowel goes ("foto's", "fotos" -> "foto"), -en goes by Snowball, and a
  stem ending in consonant + s loses the s ("robots" -> "robot", "toets" and "toetsen" -> "toet");
- open/closed syllables write one vowel or two ("materiaal"/"materialen", "coordinator"/
  "coordinatoren"): the key keeps one vowel of a doubled pair.

Compounds: a hyphenated word is also indexed joined ("ict-coördinator" -> "ictcoordinator"), and a
word that splits completely into parts of `data/compound_parts.txt` is also indexed as those parts
("codeerclub" -> "codeer", "club"; a linking s goes: "professionaliseringsbeleid" ->
"professionalisering", "beleid"). Elasticsearch's dictionary_decompounder reads the same list.
"""

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("dutch")
# Snowball 3's "dutch" also strips a "ge" at the start or inside a word ("gemaakt" -> maak), which
# conflates unrelated words: "begeleiding" (guidance) -> "beleid" (policy), "genieten" -> "niet".
# When its stem no longer begins as the word does, the classic (Porter) algorithm stems instead.
_CLASSIC = snowballstemmer.stemmer("dutch_porter") if "dutch_porter" in snowballstemmer.algorithms() else None
_DOUBLE_VOWEL = re.compile(r"([aeou])\1")
_DIMINUTIVE = re.compile(r"(?:etje|pje|tje|je)s?$")
_VOWEL_PLURAL = re.compile(r"(?<=[^aeiou][aioy])s$")
_CONSONANT_S = re.compile(r"(?<=[^aeiouys])s$")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_APOSTROPHE_S = re.compile(r"(?<=[a-z])['’]s\b")
MIN_PART = 3  # a compound part is at least this long
# Dutch function words (search.text.STOPWORDS adds the words of asking). A content word whose stem
# is one of them keeps its own form as key: "meten" (to measure) is no "met" (with).
FUNCTION_WORDS = frozenset(
    "aan als bij dat de den der des die door een en er het hoe in is met naar of om op over te tot uit "
    "van voor wat wie zijn".split()
)


def fold(text: str) -> str:
    """Lower-case, accents stripped, "foto's" written "fotos": the form index and queries share."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    # Only the non-ASCII runs are looked at character by character: the vocabulary of a
    # 10,000-fiche index folds some 12 million characters (5 s a process when all were).
    plain = decomposed if decomposed.isascii() else _NON_ASCII.sub(_without_combining_marks, decomposed)
    return _APOSTROPHE_S.sub("s", plain)


def _without_combining_marks(run: re.Match) -> str:
    return "".join(ch for ch in run.group() if not unicodedata.combining(ch))


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    stemmed = _STEMMER.stemWord(word)
    if _CLASSIC is not None and not _same_start(word, stemmed):
        return _CLASSIC.stemWord(word)
    return stemmed


def _same_start(word: str, stemmed: str) -> bool:
    """Whether the stem begins as the word does (its first three letters, vowels undoubled)."""
    start = _DOUBLE_VOWEL.sub(r"\1", stemmed)[:3]
    return _DOUBLE_VOWEL.sub(r"\1", word).startswith(start)


@lru_cache(maxsize=100_000)
def match_key(word: str) -> str:
    """The key all forms of a (folded) word share; words of three letters or less stay as they are."""
    if len(word) <= 3 or word.isdigit():
        return word
    base = word
    if len(word) >= 6:
        undiminished = _DIMINUTIVE.sub("", word)
        if len(undiminished) >= 3 and undiminished != word:
            base = undiminished
    base = _VOWEL_PLURAL.sub("", base) if len(base) >= 5 else base
    stemmed = stem(base)
    if len(stemmed) >= 5:
        stemmed = _CONSONANT_S.sub("", stemmed)  # "robots" -> robot; "toets"/"toetsen" -> toet
    key = _DOUBLE_VOWEL.sub(r"\1", stemmed)
    return word if key in FUNCTION_WORDS and word not in FUNCTION_WORDS else key


@lru_cache(maxsize=1)
def compound_parts() -> frozenset[str]:
    """The parts a compound is split into (one per line, folded), shared with Elasticsearch."""
    path = Path(__file__).with_name("data") / "compound_parts.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line.strip()) for line in lines if line.strip() and not line.startswith("#"))


def split_compound(word: str, known) -> list[str] | None:
    """`word` as two or more words of `known` (longest first part first), or None."""
    if len(word) < 2 * MIN_PART:
        return None
    return _split(word, known, 0)


def _split(word: str, known, depth: int) -> list[str] | None:
    if depth > 3:
        return None
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head, tail = word[:cut], word[cut:]
        if head not in known:
            continue
        for joined in _without_linking_s(tail):
            if joined in known:
                return [head, joined]
            rest = _split(joined, known, depth + 1)
            if rest:
                return [head, *rest]
    return None


def _without_linking_s(tail: str) -> tuple[str, ...]:
    """The rest of a compound, and without the linking s Dutch puts between parts
    ("professionalisering-s-beleid", "veiligheid-s-plan")."""
    if tail.startswith("s") and len(tail) > MIN_PART and not tail.startswith("ss"):
        return (tail, tail[1:])
    return (tail,)
