"""The finder on a whole article file, its findings in the shapes tests/expectations.py checks.

Articles are read by the real parser (articles/text/parse.py), which is pure Python too.
"""
from expectations import fold

from articles.text.parse import parse_text
from articles.text.quotes import extract


def find(path):
    """(parsed article, extraction) of an article file."""
    parsed = parse_text(path.read_text(encoding="utf-8"), source=path.name)
    return parsed, extract(parsed.paragraphs, headline=parsed.headline, authors=tuple(parsed.authors))


def records(extraction):
    """The found statements as export records, so the same rules check the finder and the database."""
    return [
        {"id": n, "text": f.text, "kind": f.kind, "audience": f.audience, "via": f.via,
         "speaker": f.speaker.name if f.speaker.kind == "person" else None,
         "speaker_organisation": f.speaker.name if f.speaker.kind == "organisation" else None,
         "speaker_label": f.speaker.name if f.speaker.kind == "label" else ""}
        for n, f in enumerate(extraction.statements)
    ]


def people(extractions):
    """Each person the articles name, once, with every role and description printed beside them."""
    printed = {}
    for extraction in extractions:
        for person in extraction.people:
            roles = [fold(f"{role} @ {organisation}") for role, organisation in person.roles]
            printed.setdefault(fold(person.name), []).extend(roles + [fold(person.description)])
    return {name: [" | ".join(texts)] for name, texts in printed.items()}


def speakers(extractions):
    return {fold(f.speaker.name) for e in extractions for f in e.statements if f.speaker.kind == "person"}


def organisations(extraction):
    return [{fold(o.name), fold(o.acronym), *map(fold, o.names)} - {""} for o in extraction.organisations]


def printed_in(body, expected_organisations):
    """The expected organisations an article's body names: the others are another article's."""
    body = fold(body)
    return [o for o in expected_organisations if any(fold(s) in body for s in [o["name"], *o.get("aliases", [])])]
