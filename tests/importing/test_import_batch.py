"""import_batch(): many articles stored together come out as import_article() would store them one by one."""
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from taggit.models import Tag

import articles.importing
from articles.importing import import_article, import_batch
from articles.models import Article, Authorship, Statement
from articles.text.sources import read_articles
from people.models import Membership, Organisation, OrganisationName, Person, PersonName

ROOT = Path(__file__).resolve().parents[2]
INPUTS = [*sorted((ROOT / "articles" / "samples").glob("*.txt")), *sorted((ROOT / "tests" / "data" / "cases").glob("*.txt"))]

pytestmark = pytest.mark.django_db


def parsed_inputs():
    return [item.article for item in read_articles(list(map(str, INPUTS))) if item.article]


def archive():
    """What an import leaves, without ids, slugs or times."""
    return {
        "articles": sorted(Article.objects.values_list("headline", "body", "url", "published", "outlet__name")),
        "bylines": sorted(Authorship.objects.values_list("article__headline", "person__name", "position")),
        "tags": sorted(Article.objects.values_list("headline", "tags__name")),
        "statements": sorted(Statement.objects.values_list(
            "article__headline", "start", "end", "text", "kind", "cue", "role", "person__name", "organisation__name",
            "speaker_label", "confidence")),
        "people": sorted(Person.objects.values_list("name", "description")),
        "names": sorted(PersonName.objects.values_list("person__name", "normalised")),
        "organisations": sorted(Organisation.objects.values_list("name", "acronym")),
        "spellings": sorted(OrganisationName.objects.values_list("organisation__name", "normalised")),
        "memberships": sorted(Membership.objects.values_list("person__name", "role", "organisation__name")),
    }


def test_a_batch_stores_what_one_by_one_stores():
    for parsed in parsed_inputs():
        import_article(parsed=parsed, tags=["Batch"])
    one_by_one = archive()
    for model in (Statement, Membership, Authorship, Article, PersonName, Person, OrganisationName, Organisation):
        model.objects.all().delete()
    results = import_batch(parsed_list=parsed_inputs(), tags=["Batch"])
    assert {r.action for r in results} == {"created"}
    assert archive() == one_by_one
    assert sum(r.statements for r in results) == Statement.objects.count() > 0
    assert sum(r.people for r in results) == Person.objects.count()
    assert sum(r.organisations for r in results) == Organisation.objects.count()
    for model in (Article, Statement, Person, Organisation, Membership):
        created = model.history.filter(history_type="+", id__in=model.objects.values("pk"))
        assert created.count() == model.objects.count() > 0, model


def test_the_same_article_twice_in_a_batch_is_created_once_and_then_unchanged(tmp_path):
    record = json.dumps({"headline": "Harbour bridge", "body": "“We will build it,” said Mayor Bo Chen."})
    changed = json.dumps({"headline": "Harbour bridge", "body": "Changed.", "url": "https://example.org/b"})
    (tmp_path / "twice.jsonl").write_text("\n".join([record, record, changed.replace("Changed", "First"), changed]))
    out = io.StringIO()
    call_command("import_articles", str(tmp_path / "twice.jsonl"), stdout=out)
    assert "articles: 2 created, 1 updated, 1 unchanged, 0 failed" in out.getvalue()
    assert Article.objects.count() == 2 and Statement.objects.count() == 1


def test_a_bad_article_fails_alone_and_the_rest_of_its_batch_goes_in(monkeypatch, tmp_path):
    byline = articles.importing._byline

    def fails_on_bad(article, authors, linker):
        if article.headline == "Bad":
            raise ValueError("a database rule")
        return byline(article, authors, linker)

    monkeypatch.setattr(articles.importing, "_byline", fails_on_bad)
    lines = [{"headline": h, "body": f"“We will build the {h} bridge,” said Mayor Bo Chen.", "authors": ["Ann Lee"]}
             for h in ("One", "Bad", "Two")]
    (tmp_path / "three.jsonl").write_text("\n".join(map(json.dumps, lines)))
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(Exception, match="1 article"):
        call_command("import_articles", str(tmp_path / "three.jsonl"), stdout=out, stderr=err)
    assert f"{tmp_path}/three.jsonl:2: not stored: ValueError: a database rule" in err.getvalue()
    assert "articles: 2 created, 0 updated, 0 unchanged, 1 failed; statements: 2 created; people: 2 created" in (
        out.getvalue())
    assert sorted(Article.objects.values_list("headline", flat=True)) == ["One", "Two"]


def test_a_finder_failure_fails_its_article_only():
    parsed = parsed_inputs()[:3]

    def finder(paragraphs, headline, authors):
        if headline == parsed[1].headline:
            raise RuntimeError("finder bug")
        return articles.importing.extract_statements(paragraphs, headline=headline, authors=authors)

    results = import_batch(parsed_list=parsed, extractor=finder)
    assert isinstance(results[1], RuntimeError) and results[0].action == results[2].action == "created"
    assert Article.objects.count() == 2


def test_tags_match_whatever_their_case():
    Tag.objects.create(name="LOCAL")
    parsed = parsed_inputs()[:2]
    parsed[0].tags, parsed[1].tags = ["local", "New"], ["new"]
    import_batch(parsed_list=parsed, tags=["Local"], extract=False)
    assert sorted(Tag.objects.values_list("name", flat=True)) == ["LOCAL", "New"]
    for article in Article.objects.all():
        assert sorted(article.tags.names()) == ["LOCAL", "New"]
