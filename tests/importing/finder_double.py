"""The finder's result types, as its interface describes them, for service tests that need exact statements."""
from dataclasses import dataclass, field


@dataclass
class Speaker:
    kind: str
    name: str


@dataclass
class Found:
    start: int
    end: int
    text: str
    kind: str
    cue: str
    speaker: Speaker
    role: str = ""
    speaker_organisation: str = ""
    audience: str = ""
    via: str = ""
    confidence: float = 0.9
    paragraph: int = 0


@dataclass
class PersonMention:
    name: str
    gender: str = ""
    roles: list = field(default_factory=list)
    description: str = ""


@dataclass
class OrganisationMention:
    name: str
    acronym: str = ""
    names: list = field(default_factory=list)


@dataclass
class Extraction:
    statements: list = field(default_factory=list)
    people: list = field(default_factory=list)
    organisations: list = field(default_factory=list)


def found(body, words, speaker, kind="person", after=0, **fields):
    """A Found for the first occurrence of `words` in `body` from `after` on."""
    start = body.index(words, after)
    return Found(start, start + len(words), words, fields.pop("statement_kind", "direct"), fields.pop("cue", "said"),
                 Speaker(kind, speaker), **fields)
