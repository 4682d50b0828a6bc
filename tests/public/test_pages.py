"""Each reader page shows what it promises, and only public statements."""
import json

import pytest
from django.conf import settings
from django.urls import reverse


@pytest.fixture
def pages(world):
    mao, article, tag = world["mao"], world["article"], "iran"
    return {
        "home": "/",
        "person": mao.get_absolute_url(),
        "people": reverse("people:index"),
        "organisation": world["ministry"].get_absolute_url(),
        "organisations": reverse("people:organisations"),
        "article": article.get_absolute_url(),
        "statement": world["direct"].get_absolute_url(),
        "search": reverse("articles:search") + "?q=Mao",
        "search words": reverse("articles:search") + "?q=vowed+together",
        "tag": reverse("articles:tag", args=[tag]),
        "person feed": reverse("people:person-feed", args=[mao.slug]),
        "tag feed": reverse("articles:tag-feed", args=[tag]),
        "csv": mao.get_absolute_url() + "?format=csv",
        "json": reverse("people:person-statements", args=[mao.slug, "json"]),
        "sitemap": "/sitemap.xml",
        "sitemap of statements": "/sitemap-statements.xml",
    }


def json_ld(html):
    return json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])


def test_person_and_article_pages_describe_themselves(client, world):
    person = json_ld(client.get(world["mao"].get_absolute_url()).content.decode())
    assert person["@type"] == "Person" and person["alternateName"] == ["毛宁"]
    article = json_ld(client.get(world["article"].get_absolute_url()).content.decode())
    assert article["@type"] == "NewsArticle" and article["datePublished"] == "2023-12-06"
    assert article["author"][0]["name"] == "Zhao Ziwen"


def test_every_page_answers(client, pages):
    for name, url in pages.items():
        assert client.get(url).status_code == 200, name


def test_person_page(client, world):
    html = client.get(world["mao"].get_absolute_url()).content.decode()
    assert "Chinese Foreign Ministry spokeswoman" in html
    assert "<p>毛宁</p>" in html
    assert "https://www.wikidata.org/wiki/Q24006485" in html
    assert 'href="/organisations/chinese-foreign-ministry/"' in html
    assert "“We call on relevant parties to stay calm”" in html
    assert "told the Washington Examiner" in html
    assert "via Xinhua" in html
    assert "reported</span> China supported Iran" in html
    assert f'href="/articles/china-holds-talks/#s-{world["direct"].pk}"' in html
    assert 'href="https://example.com/china-iran"' in html
    assert "unreviewed</span>" in html
    assert "<svg" in html and "Statements per year: 2023: 2" in html
    # Figures: two public statements by her, in one article.
    assert "<dt>Statements</dt><dd>2</dd>" in html
    assert "<dt>Articles</dt><dd>1</dd>" in html


def test_person_page_lists_articles_written(client, world):
    html = client.get(world["author"].get_absolute_url()).content.decode()
    assert "Articles by Zhao Ziwen" in html
    assert world["article"].headline in html


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("q=calm", "stay calm", "regional peace"),
        ("tag=diplomacy", "stay calm", "regional peace"),
        ("kind=indirect", "regional peace", "stay calm"),
        ("outlet=nope", None, "stay calm"),
        ("since=2024-01-01", None, "stay calm"),
        ("until=2023-12-06", "stay calm", None),
        ("organisation=chinese-foreign-ministry", "stay calm", "regional peace"),
    ],
)
def test_person_filters(client, world, query, shown, hidden):
    html = client.get(world["mao"].get_absolute_url() + "?" + query).content.decode()
    if shown:
        assert shown in html
    if hidden:
        assert hidden not in html.split('id="statements-h"')[1]


def test_organisation_page(client, world):
    html = client.get(world["ministry"].get_absolute_url()).content.decode()
    assert "the meeting was a success" in html  # the ministry as speaker
    assert 'href="/people/mao-ning/"' in html and "spokeswoman" in html
    assert "stay calm" in html  # its people's statements


def test_article_page_highlights_statements(client, world):
    html = client.get(world["article"].get_absolute_url()).content.decode()
    direct = world["direct"]
    assert (
        f'<mark class="statement" id="s-{direct.pk}"><a href="/statements/{direct.pk}/">'
        "We call on relevant parties to stay calm</a></mark>"
    ) in html
    assert 'class="speaker-ref" href="/people/mao-ning/"' in html
    assert 'By <a href="/people/zhao-ziwen/">Zhao Ziwen</a>' in html
    assert f'id="s-{world["rejected"].pk}"' not in html


def test_statement_permalink(client, world):
    direct = world["direct"]
    response = client.get(direct.get_absolute_url())
    html = response.content.decode()
    assert (
        "Mao Ning, quoted in “China Holds Strategic Discussions With Iran”, Newsweek, 6 December 2023, "
        "https://example.com/china-iran"
    ) in html
    ld = json_ld(html)
    assert ld["@context"] == "https://schema.org"
    assert ld["@type"] == "Quotation"
    assert ld["creator"]["@type"] == "Person" and ld["creator"]["name"] == "Mao Ning"
    assert ld["creator"]["url"] == "http://testserver/people/mao-ning/"
    assert ld["creator"]["sameAs"] == "https://www.wikidata.org/wiki/Q24006485"
    assert ld["dateCreated"] == "2023-12-06"
    assert ld["isBasedOn"]["@type"] == "NewsArticle"
    assert ld["isBasedOn"]["publisher"] == {"@type": "Organization", "name": "Newsweek"}
    assert f'href="/articles/china-holds-talks/#s-{direct.pk}"' in html


def test_also_printed_in(client, world):
    from tests.conftest import make_article, make_outlet
    from tests.public.conftest import _statement

    other = make_article(body="She said: “We call on relevant parties to stay calm.”", headline="Another paper",
                         outlet=make_outlet("The Other Paper"))
    _statement(other, "We call on relevant parties to stay calm", person=world["mao"], fingerprint="fp1")
    world["direct"].__class__.objects.filter(pk=world["direct"].pk).update(fingerprint="fp1")
    html = client.get(world["direct"].get_absolute_url()).content.decode()
    assert "Also printed in" in html and "Another paper" in html


def test_statement_json_ld_cannot_close_the_script(client, world):
    direct = world["direct"]
    direct.text = "</script><script>alert(1)</script>"
    direct.save()
    html = client.get(direct.get_absolute_url()).content.decode()
    ld_block = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "\\u003C/script\\u003E" in ld_block


def test_search_finds_and_highlights(client, world):
    html = client.get(reverse("articles:search"), {"q": "relevant parties"}).content.decode()
    assert "<mark>relevant</mark> <mark>parties</mark>" in html
    html = client.get(reverse("articles:search"), {"q": "mao"}).content.decode()
    assert '<a href="/people/mao-ning/"><mark>Mao</mark> Ning</a>' in html
    assert '<a href="/people/mao-ning/#statements-h">2 statements</a>' in html


@pytest.mark.parametrize(
    "query", ['"stay calm"', "calm OR nothingatall", "calm -peace", 'unbalanced "quote', "-", "OR", "*", "NEAR("]
)
def test_search_syntax_never_fails(client, world, query):
    assert client.get(reverse("articles:search"), {"q": query}).status_code == 200


def test_search_ranks_and_stems(client, world):
    html = client.get(reverse("articles:search"), {"q": "supports"}).content.decode()
    assert "China <mark>supported</mark> Iran" in html


def test_search_exclusion(client, world):
    html = client.get(reverse("articles:search"), {"q": "Iran -peace"}).content.decode()
    assert "regional peace" not in html.split('id="statements-h"')[1].split('id="articles-h"')[0]


def test_people_index(client, world):
    index = reverse("people:index")
    assert "Mao Ning" in client.get(index, {"letter": "N"}).content.decode()
    assert "Mao Ning" not in client.get(index, {"letter": "Z"}).content.decode()
    assert "Mao Ning" in client.get(index, {"q": "毛宁"}).content.decode()
    assert "2 statements" in client.get(index, {"q": "mao"}).content.decode()


def test_feeds_are_atom(client, world):
    response = client.get(reverse("people:person-feed", args=["mao-ning"]))
    assert response["Content-Type"].startswith("application/atom+xml")
    assert b"stay calm" in response.content
    assert b"?format" not in response.content


def test_exports(client, world):
    response = client.get(reverse("people:person-statements", args=["mao-ning", "json"]))
    data = json.loads(b"".join(response.streaming_content))
    assert data["person"] == "Mao Ning"
    assert [s["text"] for s in data["statements"]] == [
        "China supported Iran in playing its role for regional peace",
        "We call on relevant parties to stay calm",
    ] or len(data["statements"]) == 2
    assert data["statements"][0]["permalink"].startswith("http://testserver/statements/")
    response = client.get("/people/mao-ning/?format=csv&kind=direct")
    rows = b"".join(response.streaming_content).decode().splitlines()
    assert rows[0].startswith("id,speaker,")
    assert len(rows) == 2


def test_robots_and_sitemap(client, world):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "Sitemap: http://testserver/sitemap.xml" in robots
    index = client.get("/sitemap.xml").content.decode()
    sections = ["people", "organisations", "articles", "statements"]
    # Sitemaps name the archive's configured address (SITE_DOMAIN), not the Host of the request.
    assert all(f"http://{settings.SITE_DOMAIN}/sitemap-{section}.xml" in index for section in sections)
    sitemap = "".join(client.get(f"/sitemap-{section}.xml").content.decode() for section in sections)
    assert f"/statements/{world['direct'].pk}/" in sitemap
    assert "/people/mao-ning/" in sitemap and "/articles/china-holds-talks/" in sitemap
    assert "/organisations/chinese-foreign-ministry/" in sitemap
