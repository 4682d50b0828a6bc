"""Checks the database after an import against an expected.json (tests/data/seeds_expected.json's schema).

Each function returns a list of problems, empty when all is as expected, so that a failing test
shows everything that is wrong at once. The matching follows the file's "about" field and
/work/shared/tools/score_seeds.py: texts compare after folding quotes, dashes, white space and case.
"""
import re
import unicodedata

from articles.exporting import record
from articles.models import Article, Statement
from people.models import Organisation, Person

FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                      "\u2014": "-", "\u2012": "-", "\u2026": "...", "\u00a0": " "})


def norm(text):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "").translate(FOLD)).strip().lower()


def _article(spec):
    return Article.objects.filter(source_file__endswith=f"/{spec['file']}").first() or Article.objects.filter(
        source_file=spec["file"]).first()


def article_problems(expected):
    """Headline, date, byline, standfirst, paragraphs, boilerplate and bio of each expected article."""
    problems = []
    for spec in expected["articles"]:
        name, article = spec["file"], _article(spec)
        if article is None:
            problems.append(f"{name}: not imported")
            continue
        paragraphs = article.paragraphs
        checks = [
            ("headline" not in spec or norm(article.headline) == norm(spec["headline"]),
             f"headline {article.headline!r}"),
            ("published" not in spec or str(article.published or "") == (spec["published"] or ""),
             f"published {article.published}"),
            ("authors" not in spec or [a.name for a in article.authors.order_by("authorships__position")]
             == spec["authors"], "authors"),
            (all(norm(s) in norm(article.standfirst) for s in spec.get("standfirst_contains", [])),
             f"standfirst {article.standfirst!r}"),
            (all(b.lower() not in article.body.lower() for b in spec.get("boilerplate_absent_from_body", [])),
             "boilerplate in the body"),
            ("body_paragraphs_after_cleaning" not in spec or len(paragraphs) == spec["body_paragraphs_after_cleaning"],
             f"{len(paragraphs)} paragraphs"),
            (len(set(paragraphs)) == len(paragraphs), "a paragraph printed twice"),
            ("author_bio_contains" not in spec or (norm(spec["author_bio_contains"]) in norm(article.author_bio)
                                                   and norm(spec["author_bio_contains"]) not in norm(article.body)),
             f"bio {article.author_bio[:40]!r}"),
        ]
        problems += [f"{name}: {message}" for ok, message in checks if not ok]
    return problems


def _speaker_matches(found, spec):
    want = norm(spec["speaker"])
    if spec.get("speaker_is_anonymous"):
        label = norm(found["speaker_label"])
        return not found["speaker"] and bool(label) and re.sub(r"^(a|an|the) ", "", want) in label
    return norm(found["speaker"] or found["speaker_organisation"] or found["speaker_label"]) == want


def statement_problems(expected, *, allowed_extra=1, match_kind=False):
    """Required statements found exactly once with their speaker, optional ones at most once, and at
    most `allowed_extra` statements that match nothing. The defaults are the seeds' scoring tool's
    bar; the finder's cases ask for no other statement and the expected kind as well."""
    problems, used, extras = [], set(), []
    statements = Statement.objects.select_related("person", "organisation", "article", "article__outlet")
    for spec in expected["articles"]:
        article = _article(spec)
        mine = [record(s, absolute=str) for s in statements.filter(article=article)] if article else []
        for e in spec["statements"]:
            fragments = [norm(f) for f in e["contains"]]
            holders = [s for s in mine if all(f in norm(s["text"]) for f in fragments)]
            right = [s for s in holders if _speaker_matches(s, e) and (not match_kind or s["kind"] == e["kind"])]
            used.update(s["id"] for s in (holders if e["required"] else right))
            tag = f"{spec['file']}: {e['speaker']}: {e['contains'][0][:40]!r}"
            if e["required"] and not (len(holders) == len(right) == 1):
                got = [s["speaker"] or s["speaker_organisation"] or s["speaker_label"] for s in holders]
                problems.append(f"required {tag}: found {len(holders)}, speakers {got}")
            elif not e["required"] and len(right) > 1:
                problems.append(f"optional {tag}: found {len(right)} times")
        extras += [s for s in mine if s["id"] not in used]
    if len(extras) > allowed_extra:
        problems += [f"extra: {s['speaker'] or s['speaker_organisation'] or s['speaker_label']}: {s['text'][:60]!r}"
                     for s in extras]
    return problems


def _listed(expected, key):
    """A list given for the whole file (the seeds) or for each article (the cases)."""
    return expected.get(key, []) + [item for spec in expected["articles"] for item in spec.get(key, [])]


def people_problems(expected):
    """Expected people with their roles, organisations holding all their spellings, no forbidden people."""
    problems = []
    people = {}
    for person in Person.objects.prefetch_related("memberships__organisation"):
        people.setdefault(norm(person.name), []).append(person)
    for spec in _listed(expected, "people"):
        found = people.get(norm(spec["name"]), [])
        if len(found) != 1:
            problems.append(f"person {spec['name']}: {len(found)} records")
            continue
        person = found[0]
        roles = " | ".join(f"{norm(m.role)} @ {norm(m.organisation.name if m.organisation else '')}"
                           for m in person.memberships.all()) + " | " + norm(person.description)
        for key in ("role_contains", "organisation_contains"):
            if spec.get(key) and norm(spec[key]) not in roles:
                problems.append(f"person {spec['name']}: no {key.split('_')[0]} like {spec[key]!r} in {roles[:80]!r}")
    organisations = [
        {norm(o.name), norm(o.acronym), *(norm(n.name) for n in o.names.all())} - {""}
        for o in Organisation.objects.prefetch_related("names")
    ]
    for spec in _listed(expected, "organisations"):
        spellings = {norm(spec["name"]), *map(norm, spec.get("aliases", []))}
        holders = [names for names in organisations if names & spellings]
        if len(holders) != 1:
            problems.append(f"organisation {spec['name']}: {len(holders)} records hold its names")
    problems += [f"forbidden person exists: {n}" for n in _listed(expected, "forbidden_people") if norm(n) in people]
    return problems
