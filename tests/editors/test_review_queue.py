"""The review queue: order, context, bulk verify/reject, re-attribution and editing the words."""
import datetime

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Correction, Statement
from tests.conftest import make_article, make_organisation, make_person

from .helpers import BODY, action, quote

QUEUE = reverse("admin:articles_reviewitem_changelist")
STATEMENTS = reverse("admin:articles_statement_changelist")

pytestmark = pytest.mark.django_db


def test_queue_lists_unreviewed_statements_oldest_article_first_in_reading_order(editor_client):
    newer = make_article(body=BODY, published=datetime.date(2024, 6, 1))
    older = make_article(body=BODY, published=datetime.date(2024, 1, 1))
    second = quote(older, "This is a warning")
    first = quote(older, "We will not accept any interference")
    later = quote(newer, "We will not accept any interference")
    quote(older, "Analysts said the tone was firm", status=Statement.Status.VERIFIED)

    response = editor_client.get(QUEUE)

    assert response.status_code == 200
    assert [s.pk for s in response.context["cl"].result_list] == [first.pk, second.pk, later.pk]


def test_queue_shows_the_paragraph_with_the_words_marked_and_escaped(editor_client):
    article = make_article(body="Intro.\n\n<b>Bold</b> “Tanks & ships,” he said.\n\nEnd.")
    quote(article, "Tanks & ships", cue="said", confidence=0.75)

    html = editor_client.get(QUEUE).content.decode()

    assert "&lt;b&gt;Bold&lt;/b&gt; “<mark>Tanks &amp; ships</mark>,” he said." in html
    assert "<b>Bold</b>" not in html
    assert "Intro." not in html  # only the statement's own paragraph
    assert "0.75" in html


def test_bulk_verify_records_reviewer_time_and_history(editor_client, editor, article):
    one = quote(article, "We will not accept any interference")
    two = quote(article, "This is a warning")

    response = action(editor_client, QUEUE, "verify", [one, two])

    assert response.status_code == 302
    for statement in (one, two):
        statement.refresh_from_db()
        assert statement.status == Statement.Status.VERIFIED
        assert statement.reviewed_by == editor
        assert statement.reviewed_at is not None
        latest = statement.history.first()
        assert latest.status == Statement.Status.VERIFIED
        assert latest.history_user == editor
        assert latest.history_type == "~"
    assert editor_client.get(QUEUE).context["cl"].result_list.count() == 0
    listing = editor_client.get(STATEMENTS).content.decode()
    assert "edith, " in listing  # who reviewed, shown in the statement list


def test_bulk_reject(editor_client, editor, article):
    statement = quote(article, "This is a warning")

    action(editor_client, QUEUE, "reject", [statement])

    statement.refresh_from_db()
    assert statement.status == Statement.Status.REJECTED
    assert statement.reviewed_by == editor
    assert statement.history.first().status == Statement.Status.REJECTED


def test_reattribute_shows_a_form_with_autocomplete_then_moves_the_speaker(editor_client, editor, article):
    wrong = make_person("Wang Yi")
    right = make_person("Mao Ning")
    org = make_organisation("Chinese Foreign Ministry")
    unreviewed = quote(article, "We will not accept any interference", person=wrong)
    verified = quote(article, "This is a warning", person=wrong, status=Statement.Status.VERIFIED)

    page = action(editor_client, STATEMENTS, "reattribute", [unreviewed, verified])
    assert page.status_code == 200
    html = page.content.decode()
    assert 'class="admin-autocomplete' in html and 'data-model-name="statement"' in html

    response = action(editor_client, STATEMENTS, "reattribute", [unreviewed, verified],
                      apply="1", person=right.pk, organisation=org.pk)

    assert response.status_code == 302
    for statement in (unreviewed, verified):
        statement.refresh_from_db()
        assert (statement.person, statement.organisation, statement.edited) == (right, org, True)
        assert statement.history.first().person_id == right.pk
    assert not unreviewed.corrections.exists()
    correction = verified.corrections.get()
    assert correction.previous_speaker == "Wang Yi"
    assert "previously attributed to Wang Yi" in correction.note


def test_reattribute_refuses_an_empty_speaker(editor_client, article):
    statement = quote(article, "This is a warning")
    response = action(editor_client, STATEMENTS, "reattribute", [statement], apply="1")
    assert response.status_code == 200
    assert "Choose a person, an organisation or a label" in response.content.decode()


def change_data(statement, **changes):
    data = {
        "text": statement.text, "kind": statement.kind, "article": statement.article_id,
        "said_on": statement.said_on or "", "person": statement.person_id or "",
        "organisation": statement.organisation_id or "", "speaker_label": statement.speaker_label,
        "role": "", "cue": statement.cue, "audience": "", "via": "", "status": statement.status,
        "confidence": statement.confidence, "editor_note": statement.editor_note, "tags": "",
        "correction_note": "",
        "corrections-TOTAL_FORMS": 0, "corrections-INITIAL_FORMS": 0,
        "corrections-MIN_NUM_FORMS": 0, "corrections-MAX_NUM_FORMS": 1000,
    }
    data.update(changes)
    return data


def test_editing_the_words_moves_the_span(editor_client, article):
    statement = quote(article, "We will not accept any interference")
    url = reverse("admin:articles_reviewitem_change", args=[statement.pk])
    assert editor_client.get(url).status_code == 200

    response = editor_client.post(url, change_data(statement, text="This   is a\nwarning"))

    assert response.status_code == 302, response.context["adminform"].form.errors
    statement.refresh_from_db()
    assert statement.text == "This is a warning"
    assert article.body[statement.start : statement.end] == "This is a warning"
    assert statement.edited is True


def test_editing_the_words_is_refused_when_they_are_not_in_the_body(editor_client, article):
    statement = quote(article, "We will not accept any interference")
    url = reverse("admin:articles_statement_change", args=[statement.pk])

    response = editor_client.post(url, change_data(statement, text="We will accept interference"))

    assert response.status_code == 200
    assert "These words are not in the article body" in response.content.decode()
    statement.refresh_from_db()
    assert statement.text == "We will not accept any interference"


def test_changing_the_words_of_a_verified_statement_leaves_a_dated_correction(editor_client, editor, article):
    statement = quote(article, "We will not accept any interference", status=Statement.Status.VERIFIED)
    url = reverse("admin:articles_statement_change", args=[statement.pk])

    editor_client.post(url, change_data(statement, text="not accept any interference"))

    correction = Correction.objects.get(statement=statement)
    assert correction.previous_text == "We will not accept any interference"
    assert correction.made_on == datetime.date.today()
    assert correction.made_by == editor
    assert "previously read “We will not accept any interference”" in correction.note
    # and a reader sees it, dated, on the statement's public page
    html = Client().get(statement.get_absolute_url()).content.decode()
    assert "previously read" in html and f'datetime="{correction.made_on:%Y-%m-%d}"' in html


def test_an_unverified_statement_changes_without_a_correction(editor_client, article):
    statement = quote(article, "We will not accept any interference")
    url = reverse("admin:articles_statement_change", args=[statement.pk])
    editor_client.post(url, change_data(statement, text="not accept any interference"))
    assert not Correction.objects.exists()


def test_verifying_in_the_change_form_records_the_reviewer(editor_client, editor, article):
    statement = quote(article, "This is a warning")
    url = reverse("admin:articles_reviewitem_change", args=[statement.pk])

    editor_client.post(url, change_data(statement, status=Statement.Status.VERIFIED, editor_note="Checked."))

    statement.refresh_from_db()
    assert (statement.status, statement.reviewed_by, statement.editor_note) == ("verified", editor, "Checked.")
    assert statement.edited is False  # the words and the speaker stayed


def test_the_change_form_offers_adding_a_person_in_a_popup(editor_client, article):
    statement = quote(article, "This is a warning")
    html = editor_client.get(reverse("admin:articles_reviewitem_change", args=[statement.pk])).content.decode()
    assert 'id="add_id_person"' in html
    popup = editor_client.get(reverse("admin:people_person_add") + "?_to_field=id&_popup=1")
    assert popup.status_code == 200
    response = editor_client.post(reverse("admin:people_person_add") + "?_to_field=id&_popup=1", {
        "name": "Lin Jian", "slug": "lin-jian", "sort_name": "", "description": "", "wikidata_id": "",
        "notes": "", "tags": "", "_popup": "1", "_to_field": "id",
        "names-TOTAL_FORMS": 0, "names-INITIAL_FORMS": 0, "memberships-TOTAL_FORMS": 0, "memberships-INITIAL_FORMS": 0,
    })
    assert response.status_code == 200
    assert "popup_response" in response.content.decode()


def test_search_finds_words_labels_and_speakers_by_other_names(editor_client, article):
    mao = make_person("Mao Ning")
    mao.names.create(name="毛宁")
    by_mao = quote(article, "We will not accept any interference", person=mao)
    by_label = quote(article, "This is a warning", person=None, speaker_label="a diplomat")

    def found(term):
        return {s.pk for s in editor_client.get(STATEMENTS, {"q": term}).context["cl"].result_list}

    assert found("毛宁") == {by_mao.pk}
    assert found("ACCEPT any") == {by_mao.pk}
    assert found("diplomat") == {by_label.pk}
    assert found("nobody at all") == set()


def test_statements_edited_inline_on_their_article_keep_span_and_corrections(editor_client, article):
    statement = quote(article, "We will not accept any interference", status=Statement.Status.VERIFIED)
    url = reverse("admin:articles_article_change", args=[article.pk])
    assert editor_client.get(url).status_code == 200
    data = {
        "headline": article.headline, "slug": article.slug, "standfirst": "", "published": "2024-05-01",
        "url": "", "body": article.body, "author_bio": "", "source_file": "", "notes": "", "tags": "",
        "outlet": "",
        "authorships-TOTAL_FORMS": 0, "authorships-INITIAL_FORMS": 0,
        "statements-TOTAL_FORMS": 1, "statements-INITIAL_FORMS": 1,
        "statements-0-id": statement.pk, "statements-0-article": article.pk,
        "statements-0-text": "not accept any interference", "statements-0-kind": "direct",
        "statements-0-person": statement.person_id, "statements-0-organisation": "",
        "statements-0-speaker_label": "", "statements-0-cue": "", "statements-0-status": "verified",
    }

    response = editor_client.post(url, data)

    assert response.status_code == 302, response.context["inline_admin_formsets"][1].formset.errors
    statement.refresh_from_db()
    assert article.body[statement.start : statement.end] == "not accept any interference"
    assert statement.corrections.get().previous_text == "We will not accept any interference"

    data["statements-0-text"] = "words nobody printed"
    refused = editor_client.post(url, data)
    assert refused.status_code == 200
    assert "These words are not in the article body" in refused.content.decode()


def test_corrections_of_a_list_of_statements_cost_one_query(django_assert_num_queries, article):
    from django.template.loader import render_to_string

    for words in ("We will not accept any interference", "This is a warning"):
        statement = quote(article, words)
        Correction.objects.create(statement=statement, note=f"Corrected: {words}")
    with django_assert_num_queries(2):
        html = "".join(
            render_to_string("includes/corrections.html", {"statement": s})
            for s in Statement.objects.with_corrections()
        )
    assert html.count("<li>") == 2 and "Corrected: This is a warning" in html
