"""Each page costs a fixed, small number of queries however many statements a person has."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from articles.models import Statement, TaggedStatement
from tests.conftest import make_article, make_outlet
from tests.public.conftest import bulk_statements

BUDGET = 10


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def grow(world, n):
    """Adds n statements of Mao Ning and of the ministry, tagged, in a long article of their own."""
    article = make_article(body="x" * (n + 10), outlet=make_outlet())
    bulk_statements(article, world["mao"], n, organisation=world["ministry"], text="calm words")
    tag = Tag.objects.get(slug="iran")
    TaggedStatement.objects.bulk_create(
        TaggedStatement(tag=tag, content_object=s) for s in Statement.objects.filter(article=article)
    )


@pytest.fixture
def urls(world):
    return {
        "home": "/",
        "person": world["mao"].get_absolute_url(),
        "person filtered": world["mao"].get_absolute_url() + "?tag=iran&q=calm",
        "organisation": world["ministry"].get_absolute_url(),
        "article": world["article"].get_absolute_url(),
        "statement": world["direct"].get_absolute_url(),
        "search": "/search/?q=calm",
        "search a name": "/search/?q=Mao",
        "tag": "/tags/iran/",
        "people": "/people/",
    }


def test_query_counts_do_not_grow(client, world, urls, django_assert_max_num_queries):
    few = {}
    grow(world, 3)
    for name, url in urls.items():
        with django_assert_max_num_queries(BUDGET):
            few[name] = count_queries(client, url)
    grow(world, 2997)
    many = {name: count_queries(client, url) for name, url in urls.items()}
    print("\nqueries per page (3 / 3000 statements):", {name: (few[name], many[name]) for name in urls})
    assert many == few


def test_deep_pages_cost_the_same(client, world):
    grow(world, 3000)
    url = world["mao"].get_absolute_url()
    first = count_queries(client, url)
    html = client.get(url).content.decode()
    # Follow "Older" fifty times: the cursor carries the place, so each page is a range scan.
    for _ in range(50):
        older = html.split('rel="next" href="')[1].split('"')[0].replace("&amp;", "&")
        with CaptureQueriesContext(connection) as ctx:
            html = client.get(url + older).content.decode()
        assert len(ctx.captured_queries) == first
