"""Reads for the public pages: every list starts from Statement.objects.public().

Lists are paged by keyset (the last row's date and id) rather than OFFSET, so the thousandth
page costs what the first does: an index range scan of one page.
"""
import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, DateField, F, Func, Max, Min, Q

from articles.models import Article, Authorship, Statement
from people.models import Person

PAGE_SIZE = 20
NO_DATE = "undated"


class SaidKey(Func):
    """The sort key of public lists: said_on, with undated statements after every dated one.

    Written with a literal rather than a parameter, exactly as migration 0004 indexes it,
    because SQLite uses an expression index only for the very same expression.
    """

    template = "COALESCE(%(expressions)s, '0001-01-01')"
    output_field = DateField()

    def __init__(self):
        super().__init__(F("said_on"))

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="COALESCE(%(expressions)s, '0001-01-01'::date)", **extra)


SAID_KEY = SaidKey()


def statement_cards(queryset):
    """What a statement card shows, fetched in two queries whatever the length of the list."""
    return queryset.select_related("person", "organisation", "article__outlet").prefetch_related("tags")


def newest_first(queryset):
    return queryset.annotate(said_key=SAID_KEY).order_by("-said_key", "-id")


@dataclass
class KeysetPage:
    statements: list
    newer: str | None  # cursor for ?after=
    older: str | None  # cursor for ?before=


def encode_cursor(statement):
    day = statement.said_on.isoformat() if statement.said_on else NO_DATE
    return f"{day}~{statement.pk}"


def decode_cursor(value):
    """(key date, id) from a cursor, or None for anything malformed: a bad link shows the first page."""
    day, _, pk = (value or "").partition("~")
    try:
        key = datetime.date.min if day == NO_DATE else datetime.date.fromisoformat(day)
        return key, int(pk)
    except ValueError:
        return None


def keyset_page(queryset, *, before=None, after=None, size=PAGE_SIZE):
    """One page of `queryset`, newest first, older than `before` or newer than `after` (cursors)."""
    queryset = statement_cards(queryset).annotate(said_key=SAID_KEY)
    after_key = decode_cursor(after) if after else None
    if after_key:
        key, pk = after_key
        # The redundant said_key >= key bounds the index scan; the OR settles ties on the date.
        rows = list(
            queryset.filter(said_key__gte=key)
            .filter(Q(said_key__gt=key) | Q(id__gt=pk))
            .order_by("said_key", "id")[: size + 1]
        )
        more_newer = len(rows) > size
        rows = rows[:size][::-1]
        newer = encode_cursor(rows[0]) if more_newer else None
        return KeysetPage(rows, newer, encode_cursor(rows[-1]) if rows else None)
    before_key = decode_cursor(before) if before else None
    if before_key:
        key, pk = before_key
        queryset = queryset.filter(said_key__lte=key).filter(Q(said_key__lt=key) | Q(id__lt=pk))
    rows = list(queryset.order_by("-said_key", "-id")[: size + 1])
    older = encode_cursor(rows[size - 1]) if len(rows) > size else None
    rows = rows[:size]
    return KeysetPage(rows, encode_cursor(rows[0]) if before_key and rows else None, older)


def statements_by_year(queryset):
    """[(year, count)] for the bar chart, oldest year first; undated statements left out.

    Grouped by day in the database and by year here: extracting the year row by row is a
    Python function call per row on SQLite, three times slower than grouping the indexed date.
    """
    years = Counter()
    for row in queryset.filter(said_on__isnull=False).values("said_on").annotate(n=Count("id")).order_by():
        years[row["said_on"].year] += row["n"]
    return sorted(years.items())


def article_facets(queryset):
    """Per article of these statements: its outlet, how many, first and last date, in one grouped query.

    The page's figures and outlet choices are sums of these rows; grouping by article avoids
    COUNT(DISTINCT article), which costs PostgreSQL a sort of every row.
    """
    return list(
        queryset.values("article_id", slug=F("article__outlet__slug"), name=F("article__outlet__name"))
        .annotate(n=Count("id"), first=Min("said_on"), last=Max("said_on"))
        .order_by()
    )


def outlet_facets(article_rows):
    """[{slug, name, n}] per outlet, most statements first; articles with no outlet left out."""
    outlets = {}
    for row in article_rows:
        if row["slug"]:
            outlet = outlets.setdefault(row["slug"], {"slug": row["slug"], "name": row["name"], "n": 0})
            outlet["n"] += row["n"]
    return sorted(outlets.values(), key=lambda o: (-o["n"], o["name"]))


def figures(article_rows):
    return {
        "statements": sum(row["n"] for row in article_rows),
        "articles": len(article_rows),
        "first": min((row["first"] for row in article_rows if row["first"]), default=None),
        "last": max((row["last"] for row in article_rows if row["last"]), default=None),
    }


def tag_facets(queryset, limit=30):
    """[{slug, name, n}] for the tags on these statements, most used first.

    Starts from the statements (an index range for one person) and joins their tags, rather
    than scanning every tagging for membership in the list.
    """
    return list(
        queryset.filter(tags__isnull=False)
        .values(slug=F("tags__slug"), name=F("tags__name"))
        .annotate(n=Count("id"))
        .order_by("-n", "name")[:limit]
    )


def articles_written(person, limit=50):
    return list(
        Authorship.objects.filter(person=person)
        .select_related("article__outlet")
        .order_by(F("article__published").desc(nulls_last=True), "-article_id")[:limit]
    )


def also_printed_in(statement):
    """The same words printed elsewhere: public statements sharing the fingerprint, in other articles."""
    if not statement.fingerprint:
        return []
    return list(
        Statement.objects.public()
        .filter(fingerprint=statement.fingerprint)
        .exclude(article_id=statement.article_id)
        .select_related("person", "organisation", "article__outlet")
        .order_by(F("article__published").asc(nulls_last=True), "id")
    )


def article_pages():
    return Article.objects.select_related("outlet").prefetch_related("tags", "authorships__person")


def article_statements(article):
    return list(statement_cards(article.statements.public()).order_by("start", "end"))


def most_quoted(limit=10):
    """[(person, public statement count)], most first."""
    counts = list(
        Statement.objects.public()
        .filter(person__isnull=False)
        .values("person")
        .annotate(n=Count("id"))
        .order_by("-n", "person")[:limit]
    )
    people = Person.objects.in_bulk([row["person"] for row in counts])
    return [(people[row["person"]], row["n"]) for row in counts]


def with_statement_counts(people):
    """Sets person.public_statements on each of a page of people, in one query."""
    rows = Statement.objects.public().filter(person__in=people).values("person").annotate(n=Count("id"))
    counts = {row["person"]: row["n"] for row in rows}
    for person in people:
        person.public_statements = counts.get(person.pk, 0)
    return people
