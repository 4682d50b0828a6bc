"""The database itself keeps the archive's rules, whatever code writes to it."""
import pytest
from conftest import make_article, make_organisation, make_person, make_statement
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from articles.models import Statement
from people.models import Membership, Organisation, Person

pytestmark = pytest.mark.django_db


def refused(fn):
    with pytest.raises(IntegrityError), transaction.atomic():
        fn()


def test_a_statement_without_any_speaker_is_refused():
    article = make_article()
    refused(lambda: Statement.objects.create(article=article, text="We will build it", start=1, end=17))


@pytest.mark.parametrize("speaker", ["person", "organisation", "label"])
def test_any_one_kind_of_speaker_is_enough(speaker):
    fields = {"person": {"person": make_person()}, "organisation": {"organisation": make_organisation()},
              "label": {"speaker_label": "a senior official"}}[speaker]
    statement = make_statement(text="We will build it", **fields)
    assert statement.pk


def test_a_span_past_the_end_of_the_body_is_refused():
    article = make_article(body="Short body.")
    refused(lambda: make_statement(article=article, text="Short body.", start=0, end=500))


def test_moving_a_span_out_of_the_body_is_refused():
    statement = make_statement(text="We will build it")
    statement.end = len(statement.article.body) + 1
    refused(statement.save)


def test_an_empty_or_backwards_span_is_refused():
    article = make_article()
    refused(lambda: make_statement(article=article, text="We", start=5, end=5))


def test_two_statements_on_one_span_are_refused():
    article = make_article()
    make_statement(article=article, text="We will build it")
    refused(lambda: make_statement(article=article, text="We will build it", speaker_label="an aide"))


def test_duplicate_slugs_hashes_and_wikidata_ids_are_refused():
    person = make_person("Ada Obi", wikidata_id="Q42")
    refused(lambda: make_person("Ada Obi", slug=person.slug))
    refused(lambda: make_person("Ada Obi Two", wikidata_id="Q42"))
    org = make_organisation("Port Authority", wikidata_id="Q7")
    refused(lambda: make_organisation("Port Authority", slug=org.slug))
    refused(lambda: make_organisation("Port Authority Two", wikidata_id="Q7"))
    article = make_article()
    refused(lambda: make_article(content_hash=article.content_hash))
    refused(lambda: make_article(slug=article.slug))


def test_a_malformed_wikidata_id_is_refused():
    refused(lambda: make_person("Ada Obi", wikidata_id="42"))


def test_a_membership_cannot_end_before_it_starts():
    person = make_person()
    refused(lambda: Membership.objects.create(person=person, role="mayor", start="2024-05-01", end="2023-01-01"))


def test_deleting_a_cited_article_person_or_organisation_is_refused():
    org = make_organisation()
    statement = make_statement(text="We will build it", person=make_person(), organisation=org)
    for record in (statement.article, statement.person, org):
        with pytest.raises(ProtectedError):
            record.delete()
    assert Person.objects.filter(pk=statement.person_id).exists()
    assert Organisation.objects.filter(pk=org.pk).exists()


def test_uncited_people_can_be_deleted():
    person = make_person()
    person.delete()
    assert not Person.objects.filter(pk=person.pk).exists()


def test_an_edit_is_kept_in_history():
    person = make_person("Ada Obi")
    person.description = "Harbour master"
    person.save()
    assert [h.description for h in person.history.all()] == ["Harbour master", ""]
