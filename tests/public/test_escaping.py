"""Imported text is data: no page, feed, search result or export lets it become markup."""
import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from articles.models import Statement
from people.models import Membership, PersonName
from tests.conftest import make_article, make_organisation, make_outlet, make_person

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JS = "javascript:alert(1)"
PAYLOADS = (SCRIPT, IMG)
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def hostile(db):
    outlet = make_outlet(f"Outlet {IMG}")
    organisation = make_organisation(f"Org {SCRIPT}", acronym=IMG, description=SCRIPT)
    person = make_person(f"Evil {SCRIPT}", description=IMG)
    PersonName.objects.create(person=person, name=f"Alias {IMG}")
    Membership.objects.create(person=person, organisation=organisation, role=f"role {SCRIPT}")
    body = f"Evil said {SCRIPT} and {IMG} today.\n\n=HYPERLINK(\"{JS}\") was typed.\n\nJust {JS} here."
    article = make_article(body=body, headline=f"Headline {SCRIPT}", standfirst=IMG, outlet=outlet, url=JS)
    article.authors.add(person)
    article.tags.add(SCRIPT, JS)
    statements = []
    for text, kind in ((f"{SCRIPT} and {IMG}", "direct"), (f'=HYPERLINK("{JS}")', "indirect")):
        start = body.index(text)
        statement = Statement.objects.create(
            article=article, person=person, organisation=organisation, text=text, kind=kind, start=start,
            end=start + len(text), role=IMG, audience=SCRIPT, via=IMG, cue=SCRIPT,
        )
        statement.tags.add(SCRIPT, IMG, JS)
        statements.append(statement)
    start = body.index(JS, body.index("Just"))
    statements.append(Statement.objects.create(
        article=article, speaker_label=SCRIPT, text=JS, start=start, end=start + len(JS), kind="indirect",
    ))
    return {"person": person, "organisation": organisation, "article": article, "statements": statements}


def html_urls(hostile):
    person, statement = hostile["person"], hostile["statements"][0]
    tag_slugs = [t.slug for t in statement.tags.all()]
    return [
        "/", "/people/", f"/people/?q={person.name}", person.get_absolute_url(),
        person.get_absolute_url() + "?q=script", hostile["organisation"].get_absolute_url(), "/organisations/",
        hostile["article"].get_absolute_url(), "/search/?q=alert", "/search/?q=Evil", f"/search/?q={SCRIPT}",
        "/search/?q=onerror", *(s.get_absolute_url() for s in hostile["statements"]),
        *(reverse("articles:tag", args=[slug]) for slug in tag_slugs),
    ]


def assert_inert(content, where):
    for payload in PAYLOADS:
        assert payload not in content, where
    assert not re.search(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", content, re.IGNORECASE), where


def test_pages_escape_everything(client, hostile):
    for url in html_urls(hostile):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.content.decode(), url)


def test_payloads_are_shown_as_text(client, hostile):
    html = client.get(hostile["article"].get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Read the original" not in html  # a javascript: URL is not a link


def test_search_highlight_escapes_before_marking(client, hostile):
    html = client.get("/search/", {"q": "alert onerror"}).content.decode()
    assert "&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;" in html
    assert "<mark>onerror</mark>=<mark>alert</mark>(1)&gt;" in html


def test_feeds_carry_escaped_html(client, hostile):
    person = hostile["person"]
    slugs = [t.slug for t in hostile["statements"][0].tags.all()]
    urls = [reverse("people:person-feed", args=[person.slug])]
    urls += [reverse("articles:tag-feed", args=[slug]) for slug in slugs]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        feed = ET.fromstring(response.content)
        entries = feed.findall(f"{ATOM}entry")
        assert entries, url
        for entry in entries:
            # The summary is type="html": after XML parsing it must still be escaped HTML.
            assert entry.find(f"{ATOM}summary").get("type") == "html"
            assert_inert(entry.find(f"{ATOM}summary").text, url)
            assert not entry.find(f"{ATOM}link").get("href").startswith("javascript:")


def test_json_export_cannot_be_read_as_html(client, hostile):
    response = client.get(hostile["person"].get_absolute_url() + "?format=json")
    raw = b"".join(response.streaming_content).decode()
    assert "<" not in raw and ">" not in raw
    data = json.loads(raw)
    assert data["person"] == f"Evil {SCRIPT}"
    assert {s["text"] for s in data["statements"]} == {f"{SCRIPT} and {IMG}", f'=HYPERLINK("{JS}")'}
    assert all(s["article"]["url"] is None for s in data["statements"])


def test_csv_export_neutralises_formulas(client, hostile):
    response = client.get(reverse("people:person-statements", args=[hostile["person"].slug, "csv"]))
    assert response["Content-Type"].startswith("text/csv")
    # A download, never rendered by the browser (SecurityMiddleware adds nosniff).
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    texts = {row["text"] for row in rows}
    assert f"'=HYPERLINK(\"{JS}\")" in texts
    assert f"{SCRIPT} and {IMG}" in texts  # kept exactly, as data
    assert all(row["article_url"] == "" for row in rows)
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_sitemap_escapes(client, hostile):
    for section in ("people", "organisations", "articles", "statements"):
        response = client.get(f"/sitemap-{section}.xml")
        assert response.status_code == 200
        assert_inert(response.content.decode(), section)
