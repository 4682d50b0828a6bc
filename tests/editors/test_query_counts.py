"""Changelists cost the same number of queries for 10 rows as for 1,000 (noted in the report)."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Statement
from tests.conftest import make_article, make_organisation, make_person

pytestmark = pytest.mark.django_db

# For an editor: session, user, the user's and the group's permissions, the page count, the rows
# with their article and speaker, and the tag filter's choices: seven, whatever the number of
# rows. On PostgreSQL an unfiltered list first asks pg_class for an estimate, and counts (capped)
# only when the estimate is small: one more query on small tables.
MAX_QUERIES = 8


def fill(n):
    article = make_article(body="x" * (n + 10))
    people = [make_person() for _ in range(5)]
    org = make_organisation()
    Statement.objects.bulk_create(
        Statement(article=article, text="x", start=i, end=i + 1, person=people[i % 5],
                  organisation=org if i % 2 else None, cue="said", confidence=0.5)
        for i in range(n)
    )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["admin:articles_statement_changelist", "admin:articles_reviewitem_changelist"])
def test_changelists_run_a_fixed_number_of_queries(editor_client, django_assert_max_num_queries, page):
    url = reverse(page)
    fill(10)
    with django_assert_max_num_queries(MAX_QUERIES):
        small = count_queries(editor_client, url)
    fill(990)
    assert Statement.objects.count() == 1000
    with django_assert_max_num_queries(MAX_QUERIES):
        large = count_queries(editor_client, url)
    assert small == large
    print(f"{page}: {large} queries")
