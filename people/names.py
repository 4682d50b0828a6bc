"""Matching keys for names of people and organisations (pure Python, no Django).

The importer links mentions across articles by these keys: two spellings that give the same key are
one person or one organisation. A key is for matching only; it is never shown to readers.
"""
import re
import unicodedata
from functools import lru_cache

_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
})
_SPACES = re.compile(r"\s+")
_HONORIFICS = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|madam|madame|rev|hon)\.?\s+)+", re.IGNORECASE)
_EDGE_JUNK = "\"'.,;: -"

# British spellings fold to American ones, so both print forms of one body share a key.
_SPELLINGS = [
    (re.compile(r"isation\b"), "ization"),
    (re.compile(r"ised\b"), "ized"),
    (re.compile(r"ising\b"), "izing"),
    (re.compile(r"\b(organ|recogn|author|special|normal|modern|civil|mobil|real|util|stabil)ise\b"), r"\1ize"),
    (re.compile(r"\b(cent|theat|met|lit)re\b"), r"\1er"),
    (re.compile(r"\bdefence\b"), "defense"),
    (re.compile(r"\boffence\b"), "offense"),
    (re.compile(r"\bprogramme\b"), "program"),
    (re.compile(r"\b(lab|hon|harb|behavi|neighb|col|fav|arm|rum)our(s?)\b"), r"\1or\2"),
]
_AND = re.compile(r"\s*&\s*")
_LEADING_THE = re.compile(r"^the\s+")
_NON_WORD = re.compile(r"[^\w\s'-]")


def _fold(text):
    text = unicodedata.normalize("NFKC", text or "").translate(_FOLD)
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return _SPACES.sub(" ", text).strip().casefold()


def normalise_name(name):
    """Matching key of a person's name: "Mr. José  Núñez" and "jose nunez" give the same key."""
    key = _HONORIFICS.sub("", _fold(name))
    return key.strip(_EDGE_JUNK)


@lru_cache(maxsize=1 << 14)
def organisation_key(name):
    """Matching key of an organisation: spelling variants, "&"/"and" and a leading "the" fold away."""
    key = _fold(name)
    key = _LEADING_THE.sub("", _AND.sub(" and ", key))
    for pattern, replacement in _SPELLINGS:
        key = pattern.sub(replacement, key)
    key = _NON_WORD.sub(" ", key)
    return _SPACES.sub(" ", key).strip(_EDGE_JUNK)
