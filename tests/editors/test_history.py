"""History pages and reverting to an old version, for people and statements."""
import pytest
from django.urls import reverse

from articles.models import Correction, Statement
from tests.conftest import make_organisation, make_person

from .helpers import quote

pytestmark = pytest.mark.django_db


def person_form(person):
    return {"name": person.name, "slug": person.slug, "sort_name": person.sort_name,
            "description": person.description, "wikidata_id": person.wikidata_id or "", "notes": person.notes,
            "tags": ""}


def test_a_person_can_be_reverted_to_an_old_version(editor_client, editor):
    person = make_person("Mao Ning", description="spokeswoman")
    old = person.history.get()
    person.description = "wrong description"
    person.save()

    history_page = editor_client.get(reverse("admin:people_person_history", args=[person.pk]))
    assert history_page.status_code == 200
    assert "wrong description" in history_page.content.decode() or "Description" in history_page.content.decode()
    revert_url = reverse("admin:people_person_simple_history", args=[person.pk, old.history_id])
    revert_page = editor_client.get(revert_url)
    assert revert_page.status_code == 200
    assert revert_page.context["adminform"].form.initial["description"] == "spokeswoman"

    response = editor_client.post(revert_url, person_form(old.instance))

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.description == "spokeswoman"
    assert person.history.first().history_user == editor


def test_a_statement_can_be_reverted_and_a_verified_one_gets_a_correction(editor_client, article):
    speaker = make_person("Mao Ning")
    statement = quote(article, "We will not accept any interference", person=speaker)
    statement.text, statement.start = "not accept any interference", statement.start + 8
    statement.status = Statement.Status.VERIFIED
    statement.save()
    first = statement.history.last()

    assert editor_client.get(reverse("admin:articles_statement_history", args=[statement.pk])).status_code == 200
    url = reverse("admin:articles_statement_simple_history", args=[statement.pk, first.history_id])
    assert editor_client.get(url).status_code == 200
    old = first.instance
    response = editor_client.post(url, {
        "text": old.text, "kind": old.kind, "article": old.article_id, "said_on": old.said_on,
        "person": old.person_id, "organisation": "", "speaker_label": "", "role": "", "cue": "", "audience": "",
        "via": "", "status": Statement.Status.VERIFIED, "confidence": old.confidence, "editor_note": "",
        "tags": "", "correction_note": "",
    })

    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.text == "We will not accept any interference"
    assert article.body[statement.start : statement.end] == statement.text
    assert Correction.objects.get(statement=statement).previous_text == "not accept any interference"


def test_history_and_revert_pages_open_for_every_tracked_model(editor_client, article):
    from people.models import Membership

    person = make_person()
    organisation = make_organisation()
    records = [article, person, organisation, quote(article, "This is a warning", person=person),
               Membership.objects.create(person=person, organisation=organisation, role="spokeswoman")]
    for record in records:
        opts = record._meta
        history = editor_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[record.pk]))
        assert history.status_code == 200, opts.model_name
        version = record.history.first().history_id
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[record.pk, version])
        assert editor_client.get(url).status_code == 200, opts.model_name
