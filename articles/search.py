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

from articles.models import Article, Statement
from articles.selectors import statement_cards
from people.models import Organisation
from people.selectors import people_index

CONFIG = "english"  # the same configuration as the triggers' to_tsvector
# On SQLite, how many FTS5 candidates per result wanted: room for the ones public() leaves out.
CANDIDATES = 10
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


def _ranked(queryset, query, fts_table, limit):
    """The best `limit` rows of `queryset` matching `query`, by the database's own ranking."""
    if connection.vendor == "postgresql":
        ts_query = SearchQuery(query, search_type="websearch", config=CONFIG)
        rank = SearchRank(F("search_vector"), ts_query)
        return list(queryset.filter(search_vector=ts_query).annotate(rank=rank).order_by("-rank", "-id")[:limit])
    # FTS5 ranks (bm25) inside its own query only; asked row by row, it re-runs the match for
    # each row. So: the best candidates from FTS5 first, then the rows the queryset allows.
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH %s ORDER BY rank LIMIT %s",
            [fts5_expression(parse(query)), limit * CANDIDATES],
        )
        ids = [row[0] for row in cursor.fetchall()]
    rows = queryset.in_bulk(ids)
    return [rows[pk] for pk in ids if pk in rows][:limit]


def search_statements(query, limit=20):
    if not parse(query).groups:
        return []
    return _ranked(statement_cards(Statement.objects.public()), query, "articles_statement_fts", limit)


def search_articles(query, limit=10):
    if not parse(query).groups:
        return []
    return _ranked(Article.objects.select_related("outlet"), query, "articles_article_fts", limit)


def _name_query(query):
    """The query as a plain name: quotes dropped, white space folded; hyphens stay (Jean-Pierre)."""
    return " ".join((query or "").replace('"', " ").split())


def search_people(query, limit=10):
    text = _name_query(query)
    if not text:
        return []
    return list(people_index(query=text)[:limit])


def search_organisations(query, limit=10):
    text = _name_query(query)
    if not text:
        return []
    matches = Q(name__icontains=text) | Q(acronym__iexact=text) | Q(names__name__icontains=text)
    return list(Organisation.objects.filter(matches).distinct()[:limit])
