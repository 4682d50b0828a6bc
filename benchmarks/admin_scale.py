"""Times the editors' admin pages with 100,000 statements on PostgreSQL. Not a test.

    DATABASE_URL=postgres://postgres@127.0.0.1:5433/newsdesk_editors \
        python benchmarks/admin_scale.py [--statements 100000] [--runs 5]

Migrates the database, fills it once (bulk_create in batches; a second run reuses the rows),
then requests each page through the test Client as a superuser and prints the median and the
worst time in milliseconds, the median time spent in SQL, and the number of queries.
"""
import argparse
import datetime
import functools
import hashlib
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from articles.models import Article, Statement  # noqa: E402
from people.models import Organisation, Person  # noqa: E402

PER_ARTICLE = 50
PEOPLE = 5_000
ORGANISATIONS = 500
BATCH = 5_000
# Every statement quotes its own words, so that a search for words finds a few rows, as it would.
QUOTE = "Statement {i}-{k}: we will respond firmly to any provocation"
PARAGRAPH = "“{quote},” an official said at the briefing on Tuesday."
PAGES = {
    "statement changelist": "/admin/articles/statement/",
    "statement changelist, page 40": "/admin/articles/statement/?p=40",
    "filtered (verified, direct)": "/admin/articles/statement/?status__exact=verified&kind__exact=direct",
    "search a speaker ('Person 4321')": "/admin/articles/statement/?q=Person+4321",
    "search words ('statement 1234-7:')": "/admin/articles/statement/?q=statement+1234-7%3A",
    "search common words ('firmly')": "/admin/articles/statement/?q=firmly",
    "review queue": "/admin/articles/reviewitem/",
    "review queue, page 40": "/admin/articles/reviewitem/?p=40",
    "person changelist": "/admin/people/person/",
}


@functools.lru_cache(maxsize=2)
def body(i):
    return "\n\n".join(PARAGRAPH.format(quote=QUOTE.format(i=i, k=k)) for k in range(PER_ARTICLE))


def fill(total):
    if Statement.objects.filter(article__slug__startswith="bench-").count() >= total:
        return False
    Person.objects.bulk_create(
        (Person(name=f"Person {i}", slug=f"bench-person-{i}", sort_name=f"{i}, Person") for i in range(PEOPLE)),
        batch_size=BATCH,
    )
    Organisation.objects.bulk_create(
        (Organisation(name=f"Organisation {i}", slug=f"bench-organisation-{i}") for i in range(ORGANISATIONS)),
        batch_size=BATCH,
    )
    people = list(Person.objects.filter(slug__startswith="bench-").values_list("pk", flat=True))
    organisations = list(Organisation.objects.filter(slug__startswith="bench-").values_list("pk", flat=True))
    first_day = datetime.date(2022, 1, 1)
    articles = total // PER_ARTICLE
    Article.objects.bulk_create(
        (Article(headline=f"Benchmark article {i}", slug=f"bench-{i}", body=body(i),
                 published=first_day + datetime.timedelta(days=i % 1000),
                 content_hash=hashlib.sha256(f"bench-{i}".encode()).hexdigest()) for i in range(articles)),
        batch_size=BATCH,
    )
    article_ids = list(Article.objects.filter(slug__startswith="bench-").order_by("pk").values_list("pk", flat=True))
    statuses = ["unreviewed"] * 7 + ["verified"] * 2 + ["rejected"]
    batch = []
    for n in range(total):
        i, k = divmod(n, PER_ARTICLE)
        text = QUOTE.format(i=i, k=k)
        start = body(i).index(text)
        batch.append(Statement(
            article_id=article_ids[i], start=start, end=start + len(text), text=text,
            person_id=people[n % PEOPLE], organisation_id=organisations[n % ORGANISATIONS] if n % 3 == 0 else None,
            kind="direct" if n % 4 else "indirect", status=statuses[n % 10], cue="said", confidence=(n % 100) / 100,
            said_on=first_day + datetime.timedelta(days=(n // PER_ARTICLE) % 1000),
        ))
        if len(batch) == BATCH:
            Statement.objects.bulk_create(batch)
            batch = []
    Statement.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database: SQLite is not what we measure.")

    setup_test_environment()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    if fill(args.statements):
        print(f"Filled {args.statements:,} statements in {time.perf_counter() - started:.1f} s")
    print(f"{Statement.objects.count():,} statements, {Person.objects.count():,} people, "
          f"{Article.objects.count():,} articles")

    user, _ = get_user_model().objects.get_or_create(
        username="benchmark", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    # Total time includes rendering the page; SQL is the database's share, which is what grows
    # with the table if an index is missing.
    print(f"{'page':36} {'median ms':>10} {'max ms':>8} {'sql ms':>8} {'queries':>8}")
    for name, url in PAGES.items():
        assert client.get(url).status_code == 200, url  # warm up caches and connections
        times, sql = [], []
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, url
            sql.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
        print(f"{name:36} {statistics.median(times):10.1f} {max(times):8.1f} {statistics.median(sql):8.1f} "
              f"{len(queries):8d}")


if __name__ == "__main__":
    main()
