"""The import service with statements given exactly: linking, duplicates, and re-import rules."""
import pytest

from articles.importing import import_article
from articles.models import Article, Statement
from articles.text.parse import parse_text
from articles.text.quotes import Extraction, Found, OrganisationMention, PersonMention, Speaker
from people.models import Membership, Organisation, OrganisationName, Person

pytestmark = pytest.mark.django_db


def found(body, words, speaker, kind="person", after=0, statement_kind="direct", cue="said", **fields):
    """A Found for the first occurrence of `words` in `body` from `after` on."""
    start = body.index(words, after)
    return Found(start, start + len(words), words, statement_kind, cue, Speaker(kind, speaker), **fields)

TEXT = """---
url: https://example.org/bridge
published: 2024-03-01
---
Council backs the bridge

By Ann Lee

“We will build it,” said Mayor Bo Chen of the Shanghai Cooperation Organisation.

“We will build it,” Bo Chen said again.

The SCO said the money was there, according to a senior official.

Dana Ross of the Shanghai Cooperation Organization said costs would rise."""


def extraction_for(body):
    return Extraction(
        statements=[
            found(body, "We will build it", "Bo Chen", role="mayor", speaker_organisation="SCO"),
            found(body, "the money was there", "SCO", kind="organisation", statement_kind="indirect"),
            found(body, "costs would rise", "Dana Ross", statement_kind="indirect", confidence=1.7),
            found(body, "The SCO said the money", "a senior official", kind="label", cue="according to"),
        ],
        people=[
            PersonMention("Bo Chen", "m", [("mayor", "Shanghai Cooperation Organisation"), ("mayor", "SCO")],
                          "Mayor of Harbourtown"),
            PersonMention("Dana Ross", "f", [("", "Shanghai Cooperation Organization")]),
        ],
        organisations=[
            OrganisationMention("Shanghai Cooperation Organisation", "SCO", ["Shanghai Cooperation Organization"])
        ],
    )


def run(text, extraction=None, **options):
    parsed = parse_text(text, source="bridge.txt")
    extraction = extraction or extraction_for(parsed.body)
    return import_article(parsed=parsed, extractor=lambda paragraphs, headline, authors: extraction, **options)


def test_statements_are_linked_to_people_organisations_and_labels():
    outcome = run(TEXT)
    assert outcome.action == "created" and outcome.statements == 4
    by_speaker = {s.speaker_name: s for s in Statement.objects.select_related("person", "organisation")}
    chen = by_speaker["Bo Chen"]
    assert chen.organisation.name == "Shanghai Cooperation Organisation" and chen.role == "mayor"
    assert chen.status == "unreviewed" and str(chen.said_on) == "2024-03-01" and len(chen.fingerprint) == 64
    sco = by_speaker["Shanghai Cooperation Organisation"]
    assert sco.person is None and sco.kind == "indirect"
    assert by_speaker["a senior official"].person is None and by_speaker["a senior official"].organisation is None
    assert by_speaker["Dana Ross"].confidence == 1.0


def test_bulk_writes_keep_their_history():
    run(TEXT)
    for model in (Statement, Person, Organisation, Membership, Article):
        assert model.history.filter(history_type="+").count() == model.objects.count() > 0, model


def test_spellings_and_acronym_make_one_organisation_and_roles_one_membership():
    run(TEXT)
    org = Organisation.objects.get()
    assert org.acronym == "SCO"
    assert set(OrganisationName.objects.values_list("normalised", flat=True)) == {
        "sco", "shanghai cooperation organization"}
    chen = Person.objects.get(name="Bo Chen")
    assert chen.description == "Mayor of Harbourtown"
    assert list(chen.memberships.values_list("role", "organisation__name", "source_article__headline")) == [
        ("mayor", "Shanghai Cooperation Organisation", "Council backs the bridge")]
    assert Person.objects.get(name="Dana Ross").memberships.get().role == ""
    assert list(Article.objects.get().authors.values_list("name", flat=True)) == ["Ann Lee"]


def test_the_same_words_twice_are_one_statement():
    body = parse_text(TEXT).body
    twice = extraction_for(body)
    twice.statements.append(found(body, "We will build it", "Bo Chen", after=body.index("Bo Chen said again") - 20))
    run(TEXT, twice)
    assert Statement.objects.filter(text="We will build it").count() == 1


def test_reimporting_a_changed_text_keeps_reviewed_statements_and_replaces_the_rest():
    run(TEXT)
    verified = Statement.objects.get(person__name="Dana Ross")
    verified.status = Statement.Status.VERIFIED
    verified.save()
    edited = Statement.objects.get(organisation__name__startswith="Shanghai", person=None)
    edited.text, edited.edited = "the money was there (edited)", True
    edited.save()
    new_text = (
        TEXT.replace("Council backs", "Council still backs")
        .replace("Dana Ross", "As the vote neared, Dana Ross")
        .replace("The SCO said the money was there", "The SCO said nothing")
    )
    outcome = run(new_text, Extraction([], [], []))
    assert outcome.action == "updated" and outcome.lost_spans == 1
    article = Article.objects.get()
    assert article.headline == "Council still backs the bridge" and Statement.objects.count() == 2
    verified.refresh_from_db()
    assert article.body[verified.start:verified.end] == "costs would rise" and verified.status == "verified"
    edited.refresh_from_db()
    assert "no longer holds these words" in edited.editor_note
    assert article.body[edited.start:edited.end].startswith("The SCO said nothing")
    assert verified.history.count() == 3


def test_reimport_adds_no_duplicate_memberships_or_people():
    run(TEXT)
    run(TEXT.replace("costs would rise", "costs would rise sharply"))
    assert Membership.objects.count() == 2 and Person.objects.count() == 3 and Organisation.objects.count() == 1
