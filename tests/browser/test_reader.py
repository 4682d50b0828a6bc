"""A reader's path through the public site in Debian's Chromium, on a desktop and on a phone."""
import datetime

import pytest

from articles.models import Authorship, Statement
from people.models import Membership
from tests.conftest import make_article, make_organisation, make_outlet, make_person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = (
    "China has held “strategic” discussions with Iran following the Hamas attack on Israel.\n\n"
    "“China is willing to work with Iran to enrich the connotation of the China-Iran comprehensive "
    "strategic partnership,” Li said.\n\n"
    "“We call on relevant parties to stay calm and exercise restraint, and avoid the catastrophic fallout "
    "of the abrupt escalation of the situation,” Chinese Foreign Ministry spokeswoman Mao Ning said, "
    "adding that the proposals were highly recognized by the Arab delegates.\n\n"
    "Mao said China stood ready to work with Arab countries on inter-civilization dialogue.\n\n"
    "“Thank you for your interest,” she told the Washington Examiner."
)


@pytest.fixture
def archive(transactional_db):
    outlet = make_outlet("Newsweek")
    ministry = make_organisation("Chinese Foreign Ministry", slug="chinese-foreign-ministry", kind="ministry")
    mao = make_person("Mao Ning", slug="mao-ning", description="Chinese Foreign Ministry spokeswoman")
    li = make_person("Li Qiang", slug="li-qiang", description="Premier of China")
    Membership.objects.create(person=mao, organisation=ministry, role="spokeswoman")
    article = make_article(
        body=BODY, headline="China Holds 'Strategic' Discussions With Iran Following Hamas Attack",
        slug="china-holds-strategic-discussions", outlet=outlet, published=datetime.date(2023, 10, 12),
        url="https://www.newsweek.com/china-iran", standfirst="Beijing and Tehran talk after the attack.",
    )
    Authorship.objects.create(article=article, person=make_person("John Feng", slug="john-feng"))

    def said(person, text, tags, **fields):
        start = BODY.index(text)
        statement = Statement.objects.create(
            article=article, person=person, text=text, start=start, end=start + len(text),
            said_on=article.published, **fields,
        )
        statement.tags.add(*tags)
        return statement

    said(li, "China is willing to work with Iran to enrich the connotation of the China-Iran comprehensive "
             "strategic partnership", ["Iran"], role="premier", status="verified")
    calm = said(mao, "We call on relevant parties to stay calm and exercise restraint, and avoid the catastrophic "
                     "fallout of the abrupt escalation of the situation", ["Israel-Gaza war", "Diplomacy"],
                organisation=ministry, role="spokeswoman", status="verified")
    said(mao, "China stood ready to work with Arab countries on inter-civilization dialogue", ["Arab world"],
         kind="indirect", organisation=ministry)
    said(mao, "Thank you for your interest", ["Iran"], audience="the Washington Examiner", cue="told")
    return {"mao": mao, "calm": calm, "article": article}


def no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_reader_path(page, live_server, archive, screenshot):
    calm = archive["calm"]
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text().startswith("Who said what")
    screenshot(page, "reader-1-home")

    page.fill("#site-q", "Mao Ning")
    page.press("#site-q", "Enter")
    page.wait_for_url("**/search/?q=Mao+Ning")
    screenshot(page, "reader-2-search")

    page.get_by_role("link", name="Mao Ning").first.click()
    page.wait_for_url("**/people/mao-ning/")
    assert page.locator("h1").inner_text() == "Mao Ning"
    assert page.locator("article.card").count() == 3
    assert page.locator("svg[role=img] title").first.text_content() == "Statements per year: 2023: 3"
    screenshot(page, "reader-3-person")

    page.locator(".tag-links").get_by_role("link", name="Diplomacy").click()
    page.wait_for_url("**/people/mao-ning/?tag=diplomacy")
    assert page.locator("article.card").count() == 1
    assert page.locator("#f-tag").input_value() == "diplomacy"
    screenshot(page, "reader-4-person-tag")

    page.locator("article.card").get_by_role("link", name="permalink").click()
    page.wait_for_url(f"**/statements/{calm.pk}/")
    assert "Mao Ning, quoted in “China Holds" in page.locator(".citation").inner_text()
    screenshot(page, "reader-5-statement")

    page.locator("a.source-link").click()
    page.wait_for_url(f"**/articles/china-holds-strategic-discussions/#s-{calm.pk}")
    mark = page.locator(f"mark#s-{calm.pk}")
    assert mark.is_visible()
    assert mark.inner_text().startswith("We call on relevant parties")
    assert page.evaluate("document.querySelector(':target').id") == f"s-{calm.pk}"
    screenshot(page, "reader-6-article")


def test_phone_width_has_no_horizontal_scroll(browser, live_server, archive, screenshot):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    pages = {
        "home": "/",
        "search": "/search/?q=calm",
        "person": "/people/mao-ning/",
        "people": "/people/",
        "organisation": "/organisations/chinese-foreign-ministry/",
        "statement": archive["calm"].get_absolute_url(),
        "article": archive["article"].get_absolute_url(),
    }
    try:
        for name, path in pages.items():
            page.goto(live_server.url + path)
            screenshot(page, f"phone-{name}")
            assert no_horizontal_scroll(page), name
    finally:
        context.close()
