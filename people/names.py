"""Matching keys for names of people and organisations (pure Python; the finder's branch refines it)."""
import re
import unicodedata

_SPACE = re.compile(r"\s+")


def _fold(text):
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACE.sub(" ", text).strip().casefold()


def normalise_name(name):
    return _fold(name)


def organisation_key(name):
    return _fold(name).replace("isation", "ization")
