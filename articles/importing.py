"""The import service: stores parsed articles, their statements and the people they name.

`import_batch()`, used by `manage.py import_articles`, stores the new articles of a batch together
with a few queries for the whole batch; `import_article()` stores one article in its own
transaction, and takes the articles that update or repeat a stored one, and every article of a
batch that failed, so that a failure leaves nothing of that article behind. The article's
natural key is the content hash; a changed text reaches its old record through the URL or the
source file.
"""
import hashlib
import re
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from taggit.models import Tag

from articles.bulk import create_with_history
from articles.linking import Linker, fit, unique_slugs
from articles.models import Article, Authorship, Outlet, Statement, TaggedArticle
from articles.text.quotes import extract as extract_statements
from articles.text.spans import locate_words, words_key
from people.names import normalise_name

Status = Statement.Status
INSERT_BATCH = 500  # rows per INSERT, within PostgreSQL's 65,535 parameters (Django keeps SQLite's to 999)


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
    return hashlib.sha256(words_key(text).encode()).hexdigest()


def import_article(*, parsed, outlet="", published=None, tags=(), extract=True, extractor=extract_statements):
    """Creates, updates or leaves alone the article `parsed` describes.

    `outlet` and `published` apply when the input does not say; `tags` are added to its own.
    `extract=False` stores the article without looking for statements. `extractor` replaces the
    statement finder (tests); it takes the finder's arguments and returns its Extraction.
    """
    tags, fields, outlet = _tags(parsed, tags), _fields(parsed, published), parsed.outlet or outlet
    with transaction.atomic():
        article = _existing(parsed)
        if article is not None and article.content_hash == parsed.content_hash:
            return _refresh(article, fields, outlet, parsed.authors, tags)
        outcome = Outcome("updated" if article else "created", article or Article())
        article, old_body = outcome.article, outcome.article.body
        extraction = _extract(parsed, extractor) if extract else None
        linker = _linker([(parsed.authors, extraction)])
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
            linker.add_memberships(found=[(article, extraction.people)])
            statements = _statements(article, extraction, kept, linker)
            create_with_history(Statement, statements)
            outcome.statements = len(statements)
        outcome.people, outcome.organisations = linker.created_people, linker.created_organisations
        return outcome


def import_batch(*, parsed_list, outlet="", published=None, tags=(), extract=True, extractor=extract_statements,
                 found=None):
    """Imports `parsed_list` as import_article() would, one after the other, and returns for each
    article, in order, its Outcome or the exception that kept it out.

    The new articles are stored together in one transaction. The articles that update or repeat a
    stored one, or an earlier one of the list, go through import_article() after it, and so does
    every article of the batch when that transaction fails, so that only a bad one is left out.
    `found` is what find_statements() gave for `parsed_list`, when it ran beforehand (the command
    runs it in a second process while it stores the previous batch).
    """
    if extract and found is None:
        found = find_statements(parsed_list, extractor)
    found = found if extract else [None] * len(parsed_list)
    options = {"outlet": outlet, "published": published, "tags": tags, "extract": extract}
    results = [None] * len(parsed_list)
    hashes = [p.content_hash for p in parsed_list]  # a property that hashes the text each time
    seen, new, alone = _stored_keys(parsed_list, hashes), [], []
    for i, parsed in enumerate(parsed_list):
        if isinstance(found[i], Exception):
            results[i] = found[i]
            continue
        keys = _keys(parsed, hashes[i])
        (alone if keys & seen else new).append(i)
        seen |= keys
    try:
        with transaction.atomic():
            created = _create([parsed_list[i] for i in new], [found[i] for i in new], outlet, published, tags)
    except Exception:
        alone += new
    else:
        for i, outcome in zip(new, created, strict=True):
            results[i] = outcome
    for i in sorted(alone):
        try:
            results[i] = import_article(parsed=parsed_list[i], extractor=_given(found[i]), **options)
        except Exception as err:  # a database rule fails one article, not the batch
            results[i] = err
    return results


def find_statements(parsed_list, extractor=extract_statements):
    """The finder's Extraction for each article, or the exception it raised: a bug in the finder
    fails one article, not the batch."""
    found = []
    for parsed in parsed_list:
        try:
            found.append(_extract(parsed, extractor))
        except Exception as err:
            found.append(err)
    return found


def _given(extraction):
    """An extractor that returns what the finder found already."""
    return lambda *args, **kwargs: extraction


def _create(parsed_list, extractions, outlet, published, tags):
    """Stores new articles with a few queries for all of them; their Outcomes, in order."""
    if not parsed_list:
        return []
    linker = _linker([(p.authors, e) for p, e in zip(parsed_list, extractions, strict=True)])
    outlets = _outlets({p.outlet or outlet for p in parsed_list} - {""})
    articles = []
    for parsed, slug in zip(parsed_list, unique_slugs(Article, [p.headline for p in parsed_list]), strict=True):
        article = Article(body=parsed.body, content_hash=parsed.content_hash, slug=slug,
                          source_file=fit(parsed.source, Article, "source_file"))
        _set_fields(article, _fields(parsed, published), "")
        article.outlet = outlets.get(parsed.outlet or outlet)
        articles.append(article)
    articles = create_with_history(Article, articles)
    Authorship.objects.bulk_create(
        [a for article, p in zip(articles, parsed_list, strict=True) for a in _byline(article, p.authors, linker)],
        batch_size=INSERT_BATCH,
    )
    _add_tags(articles, [_tags(p, tags) for p in parsed_list])
    outcomes = [Outcome("created", article) for article in articles]
    found = [(o, e) for o, e in zip(outcomes, extractions, strict=True) if e is not None]
    if found:
        linker.add_memberships(found=[(o.article, e.people) for o, e in found])
        statements = []
        for outcome, extraction in found:
            mine = _statements(outcome.article, extraction, [], linker)
            outcome.statements = len(mine)
            statements += mine
        create_with_history(Statement, statements)
    # The batch shares its new people and organisations; only the totals are reported, so the
    # first article carries them.
    outcomes[0].people, outcomes[0].organisations = linker.created_people, linker.created_organisations
    return outcomes


def _stored_keys(parsed_list, hashes):
    """The keys (see _keys) of `parsed_list` that stored articles hold, in one query."""
    match = Q(content_hash__in=hashes) | Q(url__in={p.url for p in parsed_list if p.url})
    match |= Q(source_file__in={p.source for p in parsed_list if p.whole_file and p.source})
    stored = set()
    for content_hash, url, source in Article.objects.filter(match).order_by().values_list(
            "content_hash", "url", "source_file"):
        stored |= {("hash", content_hash), ("url", url), ("file", source)}
    return stored


def _keys(parsed, content_hash):
    """What _existing() finds an article by: its text, its URL, and the file that holds only it."""
    keys = {("hash", content_hash)}
    if parsed.url:
        keys.add(("url", parsed.url))
    if parsed.whole_file and parsed.source:
        keys.add(("file", parsed.source))
    return keys


def _extract(parsed, extractor):
    return extractor(parsed.paragraphs, headline=parsed.headline, authors=tuple(parsed.authors))


def _tags(parsed, tags):
    """The article's own tags and the batch's, once each whatever their case."""
    return list({t.casefold(): t for t in [*parsed.tags, *tags]}.values())


def _fields(parsed, published):
    return {
        "headline": fit(parsed.headline, Article, "headline"),
        "standfirst": "\n".join(parsed.standfirst),
        "author_bio": parsed.author_bio,
        "published": parsed.published or published,
        "url": parsed.url or None,
    }


def _add_tags(articles, tag_lists):
    """article.tags.add(*tags) for many new articles at once. As taggit does with
    TAGGIT_CASE_INSENSITIVE, a name takes the oldest tag spelled alike in any case, and a new tag
    gets its slug from Tag.save()."""
    names = {}
    for tags in tag_lists:
        for tag in tags:
            names.setdefault(tag.casefold(), tag)  # a new tag is spelled as the first article has it
    if not names:
        return
    found = {}
    for tag in Tag.objects.filter(reduce(or_, (Q(name__iexact=n) for n in names.values()))).order_by("pk"):
        found.setdefault(tag.name.casefold(), tag)
    for key, name in names.items():
        if key not in found:
            found[key] = Tag.objects.create(name=name)
    TaggedArticle.objects.bulk_create(
        [TaggedArticle(content_object=a, tag=found[t.casefold()]) for a, tags in zip(articles, tag_lists, strict=True)
         for t in tags],
        batch_size=INSERT_BATCH,
    )


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


def _linker(found):
    """One lookup of every person and organisation that `found`, pairs of a byline and an
    Extraction (or None), names: bylines, mentions and speakers."""
    people, groups = {}, []
    for authors, extraction in found:
        people.update((a, people.get(a, "")) for a in authors)
        if extraction is None:
            continue
        for mention in extraction.people:
            people[mention.name] = people.get(mention.name) or mention.description
        people.update((f.speaker.name, "") for f in extraction.statements
                      if f.speaker.kind == "person" and f.speaker.name not in people)
        groups.append(
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
    return _outlets([name])[name]


def _outlets(names):
    """The outlet of each name, created when there is none by that name."""
    fitted = {name: fit(name, Outlet, "name") for name in names}
    found = {o.name: o for o in Outlet.objects.filter(name__in=fitted.values()).order_by()}
    new = [name for name in dict.fromkeys(fitted.values()) if name not in found]
    for name, slug in zip(new, unique_slugs(Outlet, new), strict=True):
        found[name] = Outlet.objects.create(name=name, slug=slug)
    return {name: found[f] for name, f in fitted.items()}


def _set_byline(article, authors, linker, *, replace):
    if replace and authors:
        article.authorships.all().delete()
    Authorship.objects.bulk_create(_byline(article, authors, linker))


def _byline(article, authors, linker):
    """The authorships in byline order; a name given twice counts once."""
    people = {p.pk: p for p in map(linker.person, authors) if p}
    return [Authorship(article=article, person=p, position=i) for i, p in enumerate(people.values())]


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
        span = locate_words(body, printed, near=statement.start) or locate_words(
            body, statement.text, near=statement.start)
        if span and span not in taken:
            statement.start, statement.end = span
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


def _statements(article, extraction, kept, linker):
    """The finder's statements as unsaved Statements, linked to their speakers: one per span, none
    repeating the words of another (a paragraph printed twice), none overlapping a statement an
    editor kept."""
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
    return statements


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
