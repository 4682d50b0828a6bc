"""Full-text search over statements and articles, plus name search over people and organisations.

PostgreSQL: the stored `search_vector` columns, filled by triggers (migration 0004), queried with
websearch syntax and ranked with ts_rank. SQLite: FTS5 tables kept by triggers from the same
migration; the reader's query is translated into FTS5 syntax here, because raw FTS5 syntax
errors on stray quotes or dashes. Both understand words, "quoted phrases", OR and -exclusions.
"""
import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q
from django.db.models.expressions import RawSQL

from articles.models import Article, Statement
from articles.selectors import statement_cards
from people.models import Organisation, Person

CONFIG = "english"  # the same configuration as the triggers' to_tsvector
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")


@dataclass
class ParsedQuery:
    groups: list = field(default_factory=list)  # AND of groups, each an OR of phrases (lists of words)
    excluded: list = field(default_factory=list)

    @property
    def words(self):
        """The words to highlight: everything asked for, nothing excluded."""
        return [word for group in self.groups for phrase in group for word in phrase]

    @property
    def text(self):
        return " ".join(self.words)


def parse(query):
    parsed, or_next = ParsedQuery(), False
    for minus, quoted, bare in _TOKEN.findall(query or ""):
        if bare == "OR":
            or_next = bool(parsed.groups)
            continue
        if bare.startswith("-") and len(bare) > 1:
            minus, bare = "-", bare[1:]
        phrase = _WORD.findall(quoted or bare)
        if not phrase:
            continue
        if minus:
            parsed.excluded.append(phrase)
        elif or_next:
            parsed.groups[-1].append(phrase)
        else:
            parsed.groups.append([phrase])
        or_next = False
    return parsed


def fts5_expression(parsed):
    def quote(phrase):
        return '"' + " ".join(phrase) + '"'

    expression = " AND ".join("(" + " OR ".join(quote(p) for p in group) + ")" for group in parsed.groups)
    for phrase in parsed.excluded:
        expression = f"({expression}) NOT {quote(phrase)}"
    return expression


def _ranked(queryset, query, table):
    """Matching rows best first, by the database's own ranking."""
    if connection.vendor == "postgresql":
        ts_query = SearchQuery(query, search_type="websearch", config=CONFIG)
        rank = SearchRank(F("search_vector"), ts_query)
        return queryset.filter(search_vector=ts_query).annotate(rank=rank).order_by("-rank", "-id")
    expression = fts5_expression(parse(query))
    model_table = queryset.model._meta.db_table
    # FTS5's rank is bm25: smaller is better.
    return (
        queryset.filter(id__in=RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [expression]))
        .annotate(
            rank=RawSQL(
                f'SELECT rank FROM {table} WHERE {table} MATCH %s AND rowid = "{model_table}"."id"', [expression]
            )
        )
        .order_by("rank", "-id")
    )


def search_statements(query, limit=20):
    if not parse(query).groups:
        return []
    return list(_ranked(statement_cards(Statement.objects.public()), query, "articles_statement_fts")[:limit])


def search_articles(query, limit=10):
    if not parse(query).groups:
        return []
    return list(_ranked(Article.objects.select_related("outlet"), query, "articles_article_fts")[:limit])


def _name_query(query):
    """The query as a plain name: quotes dropped, white space folded; hyphens stay (Jean-Pierre)."""
    return " ".join((query or "").replace('"', " ").split())


def search_people(query, limit=10):
    text = _name_query(query)
    if not text:
        return []
    return list(Person.objects.filter(Q(name__icontains=text) | Q(names__name__icontains=text)).distinct()[:limit])


def search_organisations(query, limit=10):
    text = _name_query(query)
    if not text:
        return []
    matches = Q(name__icontains=text) | Q(acronym__iexact=text) | Q(names__name__icontains=text)
    return list(Organisation.objects.filter(matches).distinct()[:limit])
