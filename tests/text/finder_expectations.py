"""Helpers for the finder's article tests: a minimal article splitter and the expected.json checks.

The splitter is just enough for test articles (the real parser lives elsewhere): it drops front
matter, page boilerplate, the date line, the headline, standfirst bullets, the "By" line, a closing
author bio and repeated paragraphs. The checks follow the "about" text of the seeds' expected.json.
"""
import re
import unicodedata

from people.names import organisation_key

_BOILERPLATE = {"top of page", "bottom of page", "latest video", "advertisement"}
_DATE_LINE = re.compile(r"^[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}$")
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                       "\u2014": "-", "\u2012": "-", "\u2026": "...", "\u00a0": " "})


def fold(text):
    text = unicodedata.normalize("NFKC", text or "").translate(_FOLD)
    return re.sub(r"\s+", " ", text).strip().lower()


def split_article(text, authors=()):
    """(headline, body paragraphs) of a plain-text article."""
    if text.startswith("---\n"):
        text = text[text.index("\n---", 3) + 4:]
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    headline, paragraphs = "", []
    for block in blocks:
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        lines = [line for line in lines if line.lower() not in _BOILERPLATE and not line.startswith("\u2022")]
        if not lines or (not headline and _DATE_LINE.match(lines[0])):
            continue
        if not headline:
            headline = lines[0]
            continue
        if lines[0].startswith("By ") and not paragraphs:
            continue
        paragraph = " ".join(lines)
        if paragraph not in paragraphs:
            paragraphs.append(paragraph)
    if paragraphs and any(fold(a) in fold(" ".join(paragraphs[-1].split()[:5])) for a in authors):
        paragraphs.pop()  # the closing author bio
    return headline, paragraphs


def speaker_matches(found, expected):
    want = fold(expected["speaker"])
    if expected.get("speaker_is_anonymous"):
        return found.speaker.kind == "label" and re.sub(r"^(a|an|the) ", "", want) in fold(found.speaker.name)
    kind = "organisation" if expected.get("speaker_is_organisation") else "person"
    return found.speaker.kind == kind and fold(found.speaker.name) == want


def _describe(found):
    return f"{found.speaker.kind} {found.speaker.name!r} ({found.kind}, {found.cue!r}): {found.text[:90]!r}"


def statement_problems(extraction, expected, allowed_others=1):
    """What is wrong with the statements found in one article, as readable lines."""
    problems, claimed = [], set()
    for want in expected["statements"]:
        fragments = [fold(f) for f in want["contains"]]
        hits = [i for i, s in enumerate(extraction.statements)
                if speaker_matches(s, want) and all(f in fold(s.text) for f in fragments)]
        label = f"{want['speaker']!r} saying {want['contains'][0]!r}"
        if want["required"] and len(hits) != 1:
            problems.append(f"required statement {label} found {len(hits)} times")
        elif len(hits) > 1:
            problems.append(f"optional statement {label} found {len(hits)} times")
        for i in hits:
            found = extraction.statements[i]
            if (want["kind"] == "direct") != (found.kind == "direct"):
                problems.append(f"{label} has kind {found.kind}, expected {want['kind']}")
            for key in ("audience", "via"):
                if key in want and fold(getattr(found, key)) != fold(want[key]):
                    problems.append(f"{label} has {key} {getattr(found, key)!r}, expected {want[key]!r}")
        claimed.update(hits)
    others = [s for i, s in enumerate(extraction.statements) if i not in claimed]
    if len(others) > allowed_others:
        problems += [f"unexpected statement: {_describe(s)}" for s in others]
    return problems


def people_problems(extractions, people, forbidden):
    """Expected people with their roles, and no forbidden person, over several articles' extractions."""
    mentions = {}
    for extraction in extractions:
        for person in extraction.people:
            mentions.setdefault(fold(person.name), []).append(person)
    speakers = {fold(s.speaker.name) for e in extractions for s in e.statements if s.speaker.kind == "person"}
    problems = []
    for want in people:
        found = mentions.get(fold(want["name"]), [])
        if not found:
            problems.append(f"person {want['name']!r} missing")
            continue
        printed = " | ".join(fold(f"{role} {org}") for p in found for role, org in p.roles)
        printed += " | " + " | ".join(fold(p.description) for p in found)
        for key in ("role_contains", "organisation_contains"):
            if want.get(key) and fold(want[key]) not in printed:
                problems.append(f"{want['name']!r}: {want[key]!r} not among roles {printed!r}")
        if want.get("speaks") and fold(want["name"]) not in speakers:
            problems.append(f"{want['name']!r} speaks but is no statement's speaker")
    for name in forbidden:
        if fold(name) in mentions or fold(name) in speakers:
            problems.append(f"forbidden person {name!r} created")
    return problems


def organisation_problems(extraction, body, organisations):
    """Each expected organisation printed in the article is one mention holding all its printed spellings."""
    problems = []
    for want in organisations:
        spellings = [s for s in [want["name"], *want.get("aliases", [])] if re.search(rf"\b{re.escape(s)}\b", body)]
        if not spellings:
            continue
        if not any(all(_names(org, s) for s in spellings) for org in extraction.organisations):
            listed = [(o.name, o.acronym, o.names) for o in extraction.organisations]
            problems.append(f"no one organisation holds {spellings}: {listed}")
    return problems


def _names(org, spelling):
    keys = {organisation_key(n) for n in [org.name, *org.names]}
    return spelling == org.acronym or organisation_key(spelling) in keys
