"""Keyset paging: newest first, undated last, every statement exactly once in either direction."""
import datetime

import pytest

from articles.models import Statement
from articles.selectors import decode_cursor, keyset_page
from tests.conftest import make_article, make_person


@pytest.fixture
def statements(db):
    person = make_person()
    article = make_article(body="x" * 100)
    days = [datetime.date(2023, 1, 1 + i % 5) for i in range(23)] + [None] * 4
    Statement.objects.bulk_create(
        Statement(article=article, person=person, text=f"s{i}", start=i, end=i + 1, said_on=day)
        for i, day in enumerate(days)
    )
    return Statement.objects.filter(person=person)


def expected_order(queryset):
    rows = list(queryset)
    return [s.pk for s in sorted(rows, key=lambda s: (s.said_on or datetime.date.min, s.pk), reverse=True)]


def test_walks_older_then_back_newer(statements):
    want = expected_order(statements)
    pages, page = [], keyset_page(statements, size=5)
    assert page.newer is None
    while True:
        pages.append([s.pk for s in page.statements])
        if not page.older:
            break
        page = keyset_page(statements, before=page.older, size=5)
    assert sum(pages, []) == want
    assert [len(p) for p in pages] == [5, 5, 5, 5, 5, 2]
    assert pages[-1] == want[-2:] and Statement.objects.get(pk=want[-1]).said_on is None

    back = []
    while page.newer:
        page = keyset_page(statements, after=page.newer, size=5)
        back.insert(0, [s.pk for s in page.statements])
    assert sum(back, []) == want[:25]


@pytest.mark.parametrize("cursor", ["", "nonsense", "2023-13-01~5", "undated~x", "~", "2023-01-01"])
def test_bad_cursors_show_the_first_page(statements, cursor):
    assert decode_cursor(cursor) is None
    first = keyset_page(statements, size=5)
    assert [s.pk for s in keyset_page(statements, before=cursor, size=5).statements] == [
        s.pk for s in first.statements
    ]


def test_person_page_pager_links(client, statements):
    person = statements.first().person
    html = client.get(person.get_absolute_url() + "?kind=direct").content.decode()
    assert 'rel="next" href="?kind=direct&amp;before=' in html
    assert 'rel="prev"' not in html
