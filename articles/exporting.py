"""Statements as flat records, written as JSON Lines or CSV, for researchers and for scoring.

The records stream from the database in chunks, so an export of millions of statements runs
in constant memory. Readers' rules apply: rejected statements only when asked for by name.
"""
import csv
import json

from articles.models import Statement
from articles.rendering import http_url

FIELDS = [
    "id", "speaker", "speaker_organisation", "speaker_label", "kind", "text", "cue", "audience", "via",
    "said_on", "status", "confidence", "start", "end", "tags", "permalink", "article",
]
ARTICLE_FIELDS = ["headline", "outlet", "published", "url", "source_file"]
CSV_FIELDS = [f for f in FIELDS if f != "article"] + [f"article_{f}" for f in ARTICLE_FIELDS]
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def statements_for_export(*, person_slug=None, status=None):
    """The public statements, or all those with `status` when one is asked for (rejected included)."""
    statements = Statement.objects.filter(status=status) if status else Statement.objects.public()
    if person_slug:
        statements = statements.filter(person__slug=person_slug)
    return (
        statements.select_related("person", "organisation", "article", "article__outlet")
        .prefetch_related("tags")
        .order_by("id")
    )


def record(statement, *, absolute):
    """One statement as a flat record; `absolute` turns a site path into a full address."""
    article = statement.article
    return {
        "id": statement.pk,
        "speaker": statement.person.name if statement.person_id else None,
        "speaker_organisation": statement.organisation.name if statement.organisation_id else None,
        "speaker_label": statement.speaker_label,
        "kind": statement.kind,
        "text": statement.text,
        "cue": statement.cue,
        "audience": statement.audience,
        "via": statement.via,
        "said_on": statement.said_on.isoformat() if statement.said_on else None,
        "status": statement.status,
        "confidence": statement.confidence,
        "start": statement.start,
        "end": statement.end,
        "tags": sorted(tag.name for tag in statement.tags.all()),
        "permalink": absolute(statement.get_absolute_url()),
        "article": {
            "headline": article.headline,
            "outlet": article.outlet.name if article.outlet_id else None,
            "published": article.published.isoformat() if article.published else None,
            "url": http_url(article.url) or None,
            "source_file": article.source_file,
        },
    }


def records(statements, *, base_url, chunk_size=2000):
    base_url = base_url.rstrip("/")
    for statement in statements.iterator(chunk_size=chunk_size):
        yield record(statement, absolute=lambda path: base_url + path)


def write_jsonl(rows, out):
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(rows, out):
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        count += 1
        writer.writerow(csv_cells(row))
    return count


def csv_cells(row):
    """A record as one CSV row: the article's fields flattened, tags joined, formulas neutralised."""
    flat = {key: value for key, value in row.items() if key != "article"}
    flat["tags"] = "; ".join(row["tags"])
    flat.update((f"article_{key}", value) for key, value in row["article"].items())
    return {key: neutralise(value) for key, value in flat.items()}


def neutralise(value):
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
