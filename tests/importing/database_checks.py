"""The database after an import, in the shapes tests/expectations.py checks, and the articles' own fields.

Each function returns a list of problems, empty when all is as expected.
"""
from expectations import fold, organisation_problems, people_problems

from articles.exporting import record
from articles.models import Article, Statement
from people.models import Organisation, Person


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
            ("headline" not in spec or fold(article.headline) == fold(spec["headline"]),
             f"headline {article.headline!r}"),
            ("published" not in spec or str(article.published or "") == (spec["published"] or ""),
             f"published {article.published}"),
            ("authors" not in spec or [a.name for a in article.authors.order_by("authorships__position")]
             == spec["authors"], "authors"),
            (all(fold(s) in fold(article.standfirst) for s in spec.get("standfirst_contains", [])),
             f"standfirst {article.standfirst!r}"),
            (all(b.lower() not in article.body.lower() for b in spec.get("boilerplate_absent_from_body", [])),
             "boilerplate in the body"),
            ("body_paragraphs_after_cleaning" not in spec or len(paragraphs) == spec["body_paragraphs_after_cleaning"],
             f"{len(paragraphs)} paragraphs"),
            (len(set(paragraphs)) == len(paragraphs), "a paragraph printed twice"),
            ("author_bio_contains" not in spec or (fold(spec["author_bio_contains"]) in fold(article.author_bio)
                                                   and fold(spec["author_bio_contains"]) not in fold(article.body)),
             f"bio {article.author_bio[:40]!r}"),
        ]
        problems += [f"{name}: {message}" for ok, message in checks if not ok]
    return problems


def found_statements(expected):
    """The statements of each expected article as export records, by file name."""
    statements = Statement.objects.select_related("person", "organisation", "article", "article__outlet")
    found = {}
    for spec in expected["articles"]:
        article = _article(spec)
        found[spec["file"]] = [record(s, absolute=str) for s in statements.filter(article=article)] if article else []
    return found


def people_and_organisations(expected):
    """Problems with the people (roles, one record each, none forbidden) and organisations (spellings merged)."""
    people = {}
    for person in Person.objects.prefetch_related("memberships__organisation"):
        roles = " | ".join(f"{fold(m.role)} @ {fold(m.organisation.name if m.organisation else '')}"
                           for m in person.memberships.all())
        people.setdefault(fold(person.name), []).append(f"{roles} | {fold(person.description)}")
    speakers = {fold(name) for name in Statement.objects.filter(person__isnull=False).values_list("person__name", flat=True)}
    organisations = [
        {fold(o.name), fold(o.acronym), *(fold(n.name) for n in o.names.all())} - {""}
        for o in Organisation.objects.prefetch_related("names")
    ]
    return people_problems(people, speakers, listed(expected, "people"), listed(expected, "forbidden_people")) + (
        organisation_problems(organisations, listed(expected, "organisations")))


def listed(expected, key):
    """A list given for the whole file (the seeds) or for each article (the cases)."""
    return expected.get(key, []) + [item for spec in expected["articles"] for item in spec.get(key, [])]
