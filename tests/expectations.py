"""What the archive found, checked against an expected.json (the schema of tests/data/seeds_expected.json).

Two kinds of test use it: the finder's, on plain strings (tests/text), and the importer's, on the
database after an import (tests/importing). Both hand in statements shaped like the records of
`export_statements`, so the rules are written once. They follow the file's "about" field: texts
compare after folding quotes, dashes, white space and case. Every function returns a list of
problems, empty when all is as expected, so that a failing test shows all that is wrong at once.
"""
import re
import unicodedata

_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                       "\u2014": "-", "\u2012": "-", "\u2026": "...", "\u00a0": " "})


def fold(text):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "").translate(_FOLD)).strip().lower()


def who(record):
    return record["speaker"] or record["speaker_organisation"] or record["speaker_label"]


def speaker_matches(record, spec):
    want = fold(spec["speaker"])
    if spec.get("speaker_is_anonymous"):
        return (not record["speaker"] and not record["speaker_organisation"]
                and re.sub(r"^(a|an|the) ", "", want) in fold(record["speaker_label"]))
    if spec.get("speaker_is_organisation"):
        return not record["speaker"] and fold(record["speaker_organisation"]) == want
    return fold(record["speaker"]) == want


def statement_problems(found, specs, *, allowed_extra=1):
    """found: {article file: [record, ...]}; specs: the expected articles.

    Required statements are found exactly once, with their speaker and direct or not as expected;
    optional ones at most once; all articles together hold at most `allowed_extra` others."""
    problems, extras = [], []
    for spec in specs:
        records, used = found.get(spec["file"], []), set()
        for want in spec["statements"]:
            fragments = [fold(f) for f in want["contains"]]
            holders = [i for i, r in enumerate(records) if all(f in fold(r["text"]) for f in fragments)]
            right = [i for i in holders if speaker_matches(records[i], want)]
            used.update(holders if want["required"] else right)
            tag = f"{spec['file']}: {want['speaker']}: {want['contains'][0][:40]!r}"
            if want["required"] and not len(holders) == len(right) == 1:
                problems.append(f"required {tag}: found {len(holders)}, speakers {[who(records[i]) for i in holders]}")
            elif not want["required"] and len(right) > 1:
                problems.append(f"optional {tag}: found {len(right)} times")
            for i in right:
                record = records[i]
                if (want["kind"] == "direct") != (record["kind"] == "direct"):
                    problems.append(f"{tag}: kind {record['kind']}, expected {want['kind']}")
                problems += [f"{tag}: {key} {record[key]!r}, expected {want[key]!r}"
                             for key in ("audience", "via") if key in want and fold(record[key]) != fold(want[key])]
        extras += [r for i, r in enumerate(records) if i not in used]
    if len(extras) > allowed_extra:
        problems += [f"extra: {who(r)}: {r['text'][:60]!r}" for r in extras]
    return problems


def people_problems(people, speakers, expected_people, forbidden):
    """people: {folded name: [roles and description as one text, one entry per record]};
    speakers: folded names of the people statements are given to."""
    problems = []
    for want in expected_people:
        name = fold(want["name"])
        records = people.get(name, [])
        if len(records) != 1:
            problems.append(f"person {want['name']}: {len(records)} records")
            continue
        problems += [f"person {want['name']}: no {key.split('_')[0]} like {want[key]!r} in {records[0][:80]!r}"
                     for key in ("role_contains", "organisation_contains")
                     if want.get(key) and fold(want[key]) not in records[0]]
        if want.get("speaks") and name not in speakers:
            problems.append(f"person {want['name']}: speaks, but no statement is theirs")
    problems += [f"forbidden person exists: {n}" for n in forbidden if fold(n) in people or fold(n) in speakers]
    return problems


def organisation_problems(organisations, expected_organisations):
    """organisations: the folded spellings (name, acronym, other names) of each record; each
    expected organisation's spellings are held by exactly one of them."""
    problems = []
    for want in expected_organisations:
        spellings = {fold(want["name"]), *map(fold, want.get("aliases", []))}
        holders = [names for names in organisations if names & spellings]
        if len(holders) != 1:
            problems.append(f"organisation {want['name']}: {len(holders)} records hold its names")
    return problems
