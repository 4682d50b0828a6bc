"""An editor's morning in a real browser: log in, review, re-attribute, merge, check the result."""
import datetime
import importlib
import io

import pytest
from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Statement
from people.models import Person
from tests.conftest import make_article, make_person

PASSWORD = "a long editor password 42"
BODY = (
    "Beijing, May 1.\n\n"
    "“We will not accept any interference,” spokeswoman Mao Ning said at a briefing.\n\n"
    "“The door to dialogue remains open,” she added.\n\n"
    "“This is a warning,” Mao said, as analysts noted the firm tone.\n\n"
    "“Beijing is sending a signal,” said a diplomat who asked not to be named."
)


def quote(article, words, **fields):
    start = article.body.index(words)
    return Statement.objects.create(
        article=article, text=words, start=start, end=start + len(words), said_on=article.published,
        cue="said", confidence=0.8, **fields,
    )


def choose_in_autocomplete(page, field, typed, choice):
    page.click(f"#id_{field} + .select2 .select2-selection")
    page.fill(".select2-container--open .select2-search__field", typed)
    page.click(f".select2-results__option:has-text('{choice}')")


@pytest.fixture
def editor(transactional_db):
    """An editor made by add_editor.

    Transactional tests start from a flushed database (and Playwright's event loop keeps Django
    from restoring a serialised copy), so the Editors group the migration made is put back
    first, by the migration's own code.
    """
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    importlib.import_module("articles.migrations.0006_editors_group").grant_editor_permissions(apps)
    call_command("add_editor", "edith", "--password-from-stdin", stdin=io.StringIO(PASSWORD + "\n"),
                 stdout=io.StringIO())


def log_in(page, live_server):
    """Through the real login form, as django-axes counts it."""
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", "edith")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_contain_text("Newsdesk editors")


def select_and_run(page, pks, action):
    for pk in pks:
        page.check(f"input.action-select[value='{pk}']")
    page.select_option("select[name=action]", action)
    page.click("button[name=index]")


@pytest.mark.browser
def test_an_editor_reviews_reattributes_and_merges(editor, live_server, page, screenshot):
    article = make_article(body=BODY, headline="China warns against interference",
                           published=datetime.date(2024, 5, 1))
    mao = make_person("Mao Ning", slug="mao-ning", description="Chinese Foreign Ministry spokeswoman")
    twin = make_person("Ning Mao", slug="mao-ning-fm")  # the same person, family name last
    wang = make_person("Wang Wenbin", slug="wang-wenbin")
    first = quote(article, "We will not accept any interference", person=twin)
    second = quote(article, "The door to dialogue remains open", person=twin)
    misattributed = quote(article, "This is a warning", person=wang)
    unnamed = quote(article, "Beijing is sending a signal", speaker_label="a diplomat")

    log_in(page, live_server)

    # Verify two statements in bulk from the review queue.
    page.goto(f"{live_server.url}{reverse('admin:articles_reviewitem_changelist')}")
    expect(page.locator("#result_list mark").first).to_have_text("We will not accept any interference")
    screenshot(page, "editor-1-review-queue")
    select_and_run(page, [first.pk, second.pk], "verify")
    expect(page.locator(".messagelist")).to_contain_text("Verified 2 statements")
    screenshot(page, "editor-2-verified")
    assert set(Statement.objects.filter(status="verified").values_list("pk", flat=True)) == {first.pk, second.pk}

    # Re-attribute one to the right person through the autocomplete.
    page.click(f"#result_list a[href*='/{misattributed.pk}/change/']")
    choose_in_autocomplete(page, "person", "Mao", "Mao Ning")
    screenshot(page, "editor-3-reattribute")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    misattributed.refresh_from_db()
    assert misattributed.person_id == mao.pk and misattributed.edited

    # Name the unnamed source with a person created in the "+" popup, without leaving the page.
    page.goto(f"{live_server.url}{reverse('admin:articles_reviewitem_change', args=[unnamed.pk])}")
    with page.expect_popup() as popup_info:
        page.click("#add_id_person")
    popup = popup_info.value
    popup.fill("#id_name", "Lin Jian")
    popup.click("input[name=_save]")
    popup.wait_for_event("close")
    expect(page.locator(".field-person .select2-selection__rendered")).to_contain_text("Lin Jian")
    page.fill("#id_speaker_label", "")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    unnamed.refresh_from_db()
    assert unnamed.person.name == "Lin Jian" and unnamed.speaker_label == ""

    # Merge the two Mao Nings through the confirmation page.
    page.goto(f"{live_server.url}{reverse('admin:people_person_changelist')}?q=Mao")
    select_and_run(page, [mao.pk, twin.pk], "merge_selected")
    expect(page.locator("#merge-candidates")).to_contain_text("2 statements")
    page.check(f"#survivor-{mao.pk}")
    screenshot(page, "editor-4-merge-confirmation")
    page.click("input[name=apply]")
    expect(page.locator(".messagelist")).to_contain_text("Merged Ning Mao into Mao Ning")
    screenshot(page, "editor-5-merged")
    assert not Person.objects.filter(slug="mao-ning-fm").exists()
    assert mao.statements.count() == 3

    # The result, as readers see it: the merged person's old address moves permanently to the
    # survivor's page, which lists the re-attributed statements.
    old = page.request.get(f"{live_server.url}/people/mao-ning-fm/", max_redirects=0)
    assert old.status == 301 and old.headers["location"] == "/people/mao-ning/"
    page.goto(f"{live_server.url}/people/mao-ning-fm/")
    assert page.url.endswith(reverse("people:person", kwargs={"slug": "mao-ning"}))
    expect(page.locator("body")).to_contain_text("We will not accept any interference")
    expect(page.locator("body")).to_contain_text("This is a warning")
    screenshot(page, "editor-6-public-person-page")


@pytest.mark.browser
def test_bulk_reattribution_and_tagging_pages_work_in_the_browser(editor, live_server, page, screenshot):
    article = make_article(body=BODY, published=datetime.date(2024, 5, 1))
    mao = make_person("Mao Ning", slug="mao-ning")
    wang = make_person("Wang Wenbin", slug="wang-wenbin")
    statements = [quote(article, "This is a warning", person=wang),
                  quote(article, "The door to dialogue remains open", person=wang)]
    statements[0].tags.add("diplomacy")
    log_in(page, live_server)

    page.goto(f"{live_server.url}{reverse('admin:articles_statement_changelist')}")
    select_and_run(page, [s.pk for s in statements], "reattribute")
    choose_in_autocomplete(page, "person", "Mao", "Mao Ning")
    screenshot(page, "editor-7-bulk-reattribute")
    page.click("input[name=apply]")
    expect(page.locator(".messagelist")).to_contain_text("Re-attributed 2 statements")
    assert {s.person_id for s in Statement.objects.all()} == {mao.pk}

    select_and_run(page, [s.pk for s in statements], "add_tags_action")
    page.locator("#id_tags").press_sequentially("taiwan, dipl")
    suggestions = page.locator("#id_tags_suggestions option")
    expect(suggestions).to_have_count(1)
    assert suggestions.first.get_attribute("value") == "taiwan, diplomacy"
    page.fill("#id_tags", "taiwan, diplomacy")
    screenshot(page, "editor-8-bulk-tags")
    page.click("input[name=apply]")
    expect(page.locator(".messagelist")).to_contain_text("Tagged 2 statements with diplomacy, taiwan: 3 tags added")
    assert all(sorted(s.tags.names()) == ["diplomacy", "taiwan"] for s in Statement.objects.all())
