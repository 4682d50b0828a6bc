"""Statement.objects.public() is the one rule: rejected statements are nowhere public,
unreviewed ones are labelled, and NEWSDESK_SHOW_UNREVIEWED=False hides them too."""
import json

from django.urls import reverse


def public_urls(world):
    mao, ministry = world["mao"], world["ministry"]
    return {
        "home": "/",
        "person": mao.get_absolute_url(),
        "person filtered": mao.get_absolute_url() + "?tag=iran",
        "people": "/people/",
        "organisation": ministry.get_absolute_url(),
        "article": world["article"].get_absolute_url(),
        "search": "/search/?q=vowed",
        "search person": "/search/?q=Mao",
        "tag": "/tags/iran/",
        "rejected tag": "/tags/secret-rejected-tag/",
        "person feed": reverse("people:person-feed", args=[mao.slug]),
        "tag feed": reverse("articles:tag-feed", args=["iran"]),
        "rejected tag feed": reverse("articles:tag-feed", args=["secret-rejected-tag"]),
        "csv": mao.get_absolute_url() + "?format=csv",
        "json": reverse("people:person-statements", args=[mao.slug, "json"]),
        "sitemap": "/sitemap-statements.xml",
    }


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode()


def assert_absent(content, statement, where):
    assert f"/statements/{statement.pk}/" not in content, where
    assert f"s-{statement.pk}\"" not in content, where
    assert f'"id": {statement.pk},' not in content, where
    assert f"\n{statement.pk}," not in content, where


def test_rejected_statement_is_nowhere(client, world):
    rejected = world["rejected"]
    for name, url in public_urls(world).items():
        content = fetch(client, url)
        assert_absent(content, rejected, name)
        if name not in {"article", "search", "rejected tag", "rejected tag feed"}:
            # The article's body (and so its search hit) keeps the sentence; no statement list shows it.
            assert "vowed to work together" not in content, name
        if not name.startswith("rejected tag"):
            assert "Secret rejected tag" not in content, name
    assert client.get(rejected.get_absolute_url()).status_code == 404


def test_rejected_statement_is_not_counted(client, world):
    html = fetch(client, world["mao"].get_absolute_url())
    assert "<dt>Statements</dt><dd>2</dd>" in html
    assert "2023: 2" in html
    assert '<span class="count">2</span>' in fetch(client, "/")
    assert "2 statements" in fetch(client, "/people/")


def test_unreviewed_statements_are_labelled(client, world):
    html = fetch(client, world["reported"].get_absolute_url())
    assert 'badge--unreviewed">unreviewed</span>' in html
    direct = fetch(client, world["direct"].get_absolute_url())
    assert 'class="card card--unreviewed"' not in direct


def test_setting_hides_unreviewed(client, world, settings):
    settings.NEWSDESK_SHOW_UNREVIEWED = False
    for name, url in public_urls(world).items():
        content = fetch(client, url)
        assert_absent(content, world["reported"], name)
        assert_absent(content, world["china_said"], name)
    assert client.get(world["reported"].get_absolute_url()).status_code == 404
    assert client.get(world["direct"].get_absolute_url()).status_code == 200
    data = json.loads(fetch(client, reverse("people:person-statements", args=["mao-ning", "json"])))
    assert [s["id"] for s in data["statements"]] == [world["direct"].pk]
    assert "<dt>Statements</dt><dd>1</dd>" in fetch(client, world["mao"].get_absolute_url())


def test_search_never_finds_rejected(client, world):
    html = fetch(client, "/search/?q=" + "vowed together")
    statements = html.split('id="statements-h"')[1].split('id="articles-h"')[0]
    assert "No statements match." in statements
