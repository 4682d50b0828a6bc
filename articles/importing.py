"""The import service: stores one parsed article, its statements and the people they name.

`import_article()` is the one entry point, used by `manage.py import_articles`. It runs in its
own transaction, so a failure leaves nothing of that article behind. The article's natural key
is the content hash; a changed text reaches its old record through the URL or the source file.
"""
import hashlib
import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from articles.linking import Linker, fit, unique_slugs
from articles.models import Article, Authorship, Outlet, Statement
from articles.text.quotes import extract as extract_statements
from people.names import normalise_name

Status = Statement.Status


@dataclass
class Outcome:
    action: str  # "created", "updated" or "unchanged"
    article: Article
    statements: int = 0
    people: int = 0
    organisations: int = 0
    lost_spans: int = 0  # kept statements whose words the new text no longer holds


def fingerprint(text):
    """SHA-256 of the words alone: case, punctuation, quote marks and spacing do not count."""
    return hashlib.sha256(" ".join(re.findall(r"\w+", text.casefold())).encode()).hexdigest()


def import_article(*, parsed, outlet="", published=None, tags=(), extract=True, extractor=extract_statements):
    """Creates, updates or leaves alone the article `parsed` describes.

    `outlet` and `published` apply when the input does not say; `tags` are added to its own.
    `extract=False` stores the article without looking for statements. `extractor` replaces the
    statement finder (tests); it takes the finder's arguments and returns its Extraction.
    """
    tags = list({t.casefold(): t for t in [*parsed.tags, *tags]}.values())
    fields = {
        "headline": fit(parsed.headline, Article, "headline"),
        "standfirst": "\n".join(parsed.standfirst),
        "author_bio": parsed.author_bio,
        "published": parsed.published or published,
        "url": parsed.url or None,
    }
    outlet = parsed.outlet or outlet
    with transaction.atomic():
        article = _existing(parsed)
        if article is not None and article.content_hash == parsed.content_hash:
            return _refresh(article, fields, outlet, parsed.authors, tags)
        outcome = Outcome("updated" if article else "created", article or Article())
        article, old_body = outcome.article, outcome.article.body
        extraction = (
            extractor(parsed.paragraphs, headline=parsed.headline, authors=tuple(parsed.authors)) if extract else None
        )
        linker = _linker(parsed.authors, extraction)
        _set_fields(article, fields, outlet)
        article.body, article.content_hash = parsed.body, parsed.content_hash
        article.source_file = fit(parsed.source, Article, "source_file") or article.source_file
        article.slug = article.slug or unique_slugs(Article, [parsed.headline])[0]
        article.save()
        if outcome.action == "created":
            _set_byline(article, parsed.authors, linker, replace=False)
            if tags:
                article.tags.add(*tags)
            kept = []
        else:
            _set_byline(article, parsed.authors, linker, replace=True)
            if tags:
                article.tags.set(tags)
            kept = _keep_reviewed(article, old_body, outcome)
        if extraction is not None:
            linker.add_memberships(mentions=extraction.people, article=article)
            _store_statements(article, extraction, kept, linker, outcome)
        outcome.people, outcome.organisations = linker.created_people, linker.created_organisations
        return outcome


def _existing(parsed):
    """The stored article with this text, else the one at this URL, else the one from this file."""
    match = Q(content_hash=parsed.content_hash)
    if parsed.url:
        match |= Q(url=parsed.url)
    if parsed.whole_file and parsed.source:
        match |= Q(source_file=parsed.source)
    candidates = list(Article.objects.filter(match).select_related("outlet").order_by())
    for test in (lambda a: a.content_hash == parsed.content_hash, lambda a: parsed.url and a.url == parsed.url,
                 lambda a: True):
        for article in candidates:
            if test(article):
                return article
    return None


def _linker(authors, extraction):
    """One lookup of every person and organisation the article names: byline, mentions and speakers."""
    people = dict.fromkeys(authors, "")
    groups = []
    if extraction is not None:
        for mention in extraction.people:
            people[mention.name] = people.get(mention.name) or mention.description
        people.update((f.speaker.name, "") for f in extraction.statements
                      if f.speaker.kind == "person" and f.speaker.name not in people)
        groups = (
            [[o.name, o.acronym or "", *o.names] for o in extraction.organisations]
            + [[f.speaker.name] for f in extraction.statements if f.speaker.kind == "organisation"]
            + [[f.speaker_organisation] for f in extraction.statements if f.speaker_organisation]
            + [[org] for p in extraction.people for _, org in p.roles if org]
        )
    return Linker(people=people, organisation_groups=groups)


def _set_fields(article, fields, outlet):
    """Sets what the input says and the article lacks or has differently; True when something changed.
    A value the input leaves out keeps what the article has."""
    changed = False
    for name, value in fields.items():
        if value not in (None, "") and getattr(article, name) != value:
            setattr(article, name, value)
            changed = True
    if outlet and (article.outlet is None or article.outlet.name != outlet):
        article.outlet = _outlet(outlet)
        changed = True
    return changed


def _refresh(article, fields, outlet, authors, tags):
    """The text is unchanged: only what the input newly says about the article (date, outlet, URL,
    byline, tags) is set, and the outcome is "unchanged" when there is nothing new."""
    outcome = Outcome("unchanged", article)
    changed = _set_fields(article, fields, outlet)
    if changed:
        article.save()
    byline = [a.person for a in article.authorships.select_related("person")]
    if authors and [normalise_name(p.name) for p in byline] != [normalise_name(a) for a in authors]:
        linker = Linker(people=dict.fromkeys(authors, ""), organisation_groups=[])
        if [linker.person(a) for a in authors] != byline:
            _set_byline(article, authors, linker, replace=True)
            outcome.people = linker.created_people
            changed = True
    if tags and {t.casefold() for t in article.tags.names()} != {t.casefold() for t in tags}:
        article.tags.set(tags)
        changed = True
    if changed:
        outcome.action = "updated"
    return outcome


def _outlet(name):
    name = fit(name, Outlet, "name")
    outlet = Outlet.objects.filter(name=name).order_by().first()
    return outlet or Outlet.objects.create(name=name, slug=unique_slugs(Outlet, [name])[0])


def _set_byline(article, authors, linker, *, replace):
    """The authors in byline order; a name given twice counts once."""
    if replace and authors:
        article.authorships.all().delete()
    people = {p.pk: p for p in map(linker.person, authors) if p}
    Authorship.objects.bulk_create(
        Authorship(article=article, person=p, position=i) for i, p in enumerate(people.values())
    )


def _keep_reviewed(article, old_body, outcome):
    """Drops the machine's unreviewed statements and moves the ones an editor touched to their words
    in the new body. A statement whose words are gone is kept, never deleted: its span then covers
    the paragraph at its old position and its editor's note says so, for an editor to decide."""
    article.statements.filter(status=Status.UNREVIEWED, edited=False).delete()
    kept = list(article.statements.all())
    body, taken = article.body, set()
    paragraphs = [m.span() for m in re.finditer(r"[^\n]+", body)]
    for statement in kept:
        printed = old_body[statement.start:statement.end]
        where = _nearest(body, printed, statement.start) if printed else -1
        words = printed
        if where < 0:
            where, words = _nearest(body, statement.text, statement.start), statement.text
        if where >= 0 and (where, where + len(words)) not in taken:
            statement.start, statement.end = where, where + len(words)
        else:
            index = min(old_body.count("\n\n", 0, statement.start), len(paragraphs) - 1)
            start, end = paragraphs[index]
            while (start, end) in taken and end - 1 > start:
                end -= 1
            statement.start, statement.end = start, end
            note = (f"{timezone.localdate():%Y-%m-%d}: the article's new text no longer holds these words; "
                    f"the span now covers paragraph {index + 1}. Check it.")
            statement.editor_note = f"{statement.editor_note}\n{note}".strip()
            outcome.lost_spans += 1
        taken.add((statement.start, statement.end))
        statement.save()
    return kept


def _nearest(body, words, old_start):
    """Where `words` occur in `body`, the occurrence nearest the old position; -1 when nowhere."""
    best, at = -1, body.find(words)
    while at >= 0:
        if best < 0 or abs(at - old_start) < abs(best - old_start):
            best = at
        at = body.find(words, at + 1)
    return best


def _store_statements(article, extraction, kept, linker, outcome):
    """The finder's statements, linked to their speakers: one per span, none repeating the words of
    another (a paragraph printed twice), none overlapping a statement an editor kept."""
    spans, prints = set(), {s.fingerprint for s in kept}
    statements = []
    for found in sorted(extraction.statements, key=lambda f: (f.start, f.end)):
        statement = _statement(article, found, linker)
        if (
            statement is None
            or statement.fingerprint in prints
            or (statement.start, statement.end) in spans
            or any(statement.start < s.end and s.start < statement.end for s in kept)
        ):
            continue
        spans.add((statement.start, statement.end))
        prints.add(statement.fingerprint)
        statements.append(statement)
    bulk_create_with_history(statements, Statement)
    outcome.statements = len(statements)


def _statement(article, found, linker):
    """An unsaved Statement for a Found, or None when it has no words, no speaker or a span outside the body."""
    if not (0 <= found.start < found.end <= len(article.body)) or not found.text.strip():
        return None
    speaker, person, organisation, label = found.speaker, None, None, ""
    if speaker.kind == "person":
        person = linker.person(speaker.name)
        organisation = linker.organisation(found.speaker_organisation)
    elif speaker.kind == "organisation":
        organisation = linker.organisation(speaker.name)
    else:
        label = fit(speaker.name, Statement, "speaker_label")
    if not (person or organisation or label):
        return None
    return Statement(
        article=article, person=person, organisation=organisation, speaker_label=label,
        text=found.text, kind=found.kind, cue=fit(found.cue, Statement, "cue"),
        audience=fit(found.audience, Statement, "audience"), via=fit(found.via, Statement, "via"),
        role=fit(found.role, Statement, "role"), start=found.start, end=found.end, said_on=article.published,
        status=Status.UNREVIEWED, confidence=min(max(float(found.confidence), 0.0), 1.0),
        fingerprint=fingerprint(found.text),
    )
