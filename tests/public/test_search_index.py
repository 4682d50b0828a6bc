"""The search index is the database's job: bulk writes and raw updates are searchable at once."""
import pytest
from django.db import connection

from articles.models import Article, Statement
from articles.search import search_articles, search_statements
from tests.conftest import make_article, make_person


@pytest.fixture
def bulk(db):
    article = make_article(body="x" * 50, headline="Quarterly grain tariffs")
    Statement.objects.bulk_create(
        [Statement(article=article, person=make_person(), text="sorghum exports will double", start=0, end=5)]
    )
    return article


def test_bulk_created_statements_are_searchable(bulk):
    assert [s.text for s in search_statements("sorghum")] == ["sorghum exports will double"]
    assert search_articles("tariff") == [bulk]


def test_queryset_updates_reindex(bulk):
    Statement.objects.filter(article=bulk).update(text="millet imports will halve")
    Article.objects.filter(pk=bulk.pk).update(headline="Monthly rice quotas")
    assert search_statements("sorghum") == []
    assert [s.text for s in search_statements("millet")] == ["millet imports will halve"]
    assert search_articles("tariff") == [] and search_articles("quota") == [bulk]


@pytest.mark.postgres
def test_save_keeps_the_vector(bulk, on_postgres):
    statement = Statement.objects.get(article=bulk)
    statement.save()  # Model.save() writes search_vector as NULL; the trigger fills it again
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_vector IS NOT NULL FROM articles_statement WHERE id = %s", [statement.pk])
        assert cursor.fetchone()[0] is True


def test_deleted_statements_leave_the_index(bulk):
    Statement.objects.filter(article=bulk).delete()
    assert search_statements("sorghum") == []
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM articles_statement_fts WHERE articles_statement_fts MATCH 'sorghum'")
            assert cursor.fetchone()[0] == 0
