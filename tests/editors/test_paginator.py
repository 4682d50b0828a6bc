"""The changelist paginator never counts a big table on PostgreSQL."""
import pytest
from django.db import connection

from articles.models import Statement
from newsdesk import paginators
from newsdesk.paginators import EstimatedCountPaginator
from tests.conftest import make_article, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def statements():
    article, person = make_article(body="x" * 100), make_person()
    Statement.objects.bulk_create(
        Statement(article=article, person=person, text="x", start=i, end=i + 1) for i in range(30)
    )


def test_small_tables_are_counted(statements):
    assert EstimatedCountPaginator(Statement.objects.all(), 10).count == 30
    assert EstimatedCountPaginator(Statement.objects.filter(start__lt=12), 10).count == 12


def test_on_postgres_a_big_table_is_estimated_and_a_filter_counted_up_to_a_cap(
    on_postgres, statements, monkeypatch
):
    monkeypatch.setattr(paginators, "CAP", 20)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_statement")
    assert EstimatedCountPaginator(Statement.objects.all(), 10).count == 30  # from pg_class
    assert EstimatedCountPaginator(Statement.objects.filter(start__gte=2), 10).count == 20  # capped
