"""Small factories shared by the whole suite.

Each factory makes one valid record with sensible defaults; tests pass what they care about.
"""
import hashlib
import itertools

import pytest
from django.db import connection
from django.utils.text import slugify

from articles.models import Article, Outlet, Statement
from people.models import Organisation, Person

_seq = itertools.count(1)


def make_person(name=None, **fields):
    name = name or f"Person {next(_seq)}"
    fields.setdefault("slug", f"{slugify(name)}-{next(_seq)}")
    return Person.objects.create(name=name, **fields)


def make_organisation(name=None, **fields):
    name = name or f"Organisation {next(_seq)}"
    fields.setdefault("slug", f"{slugify(name)}-{next(_seq)}")
    return Organisation.objects.create(name=name, **fields)


def make_outlet(name=None):
    name = name or f"Outlet {next(_seq)}"
    return Outlet.objects.create(name=name, slug=f"{slugify(name)}-{next(_seq)}")


def make_article(body="“We will build it,” the mayor said.\n\nWork starts in May.", **fields):
    n = next(_seq)
    fields.setdefault("headline", f"Headline {n}")
    fields.setdefault("slug", f"headline-{n}")
    fields.setdefault("content_hash", hashlib.sha256(f"{n}:{body}".encode()).hexdigest())
    return Article.objects.create(body=body, **fields)


def make_statement(article=None, text=None, **fields):
    article = article or make_article()
    if text is None:
        text = article.body.split("\n\n")[0][:40]
    start = fields.pop("start", article.body.find(text) if text in article.body else 0)
    fields.setdefault("end", start + len(text))
    if not (fields.get("person") or fields.get("organisation") or fields.get("speaker_label")):
        fields["person"] = make_person()
    return Statement.objects.create(article=article, text=text, start=start, said_on=article.published, **fields)


@pytest.fixture
def on_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
