"""A filtered list of public statements as CSV or JSON, streamed so a long list costs no memory.

The fields are those of the export_statements command (see DESIGN.md), minus what is only
for editors (the source file). CSV cells are neutralised against formulas; JSON is escaped
like json_script so that no browser can take it for HTML.
"""
import csv

from django.http import StreamingHttpResponse

from articles.rendering import http_url, neutralise_cell, script_safe_json
from articles.selectors import newest_first, statement_cards

FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
CSV_COLUMNS = [
    "id", "speaker", "speaker_organisation", "speaker_label", "kind", "text", "cue", "audience", "via", "said_on",
    "status", "confidence", "start", "end", "tags", "permalink", "article_headline", "article_outlet",
    "article_published", "article_url", "article_page",
]
CHUNK = 500


def record(statement, absolute):
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
            "page": absolute(article.get_absolute_url()),
        },
    }


class _Echo:
    """csv.writer wants a file; this one hands each row straight back to the response."""

    def write(self, value):
        return value


def _csv_rows(records):
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_COLUMNS)
    for item in records:
        article = item.pop("article")
        item["tags"] = ", ".join(item["tags"])
        item.update({f"article_{key}": value for key, value in article.items()})
        yield writer.writerow([neutralise_cell(item[column]) for column in CSV_COLUMNS])


def _json_chunks(records, about):
    yield script_safe_json(about)[:-1] + ', "statements": ['
    for n, item in enumerate(records):
        yield ("," if n else "") + "\n" + script_safe_json(item)
    yield "\n]}\n"


def export_response(request, queryset, fmt, *, filename, about):
    """Streams `queryset` (already public and filtered) newest first in `fmt` ("csv" or "json").

    `about`, a non-empty dict, heads the JSON document; the statements follow as its last key.
    """
    statements = newest_first(statement_cards(queryset)).iterator(chunk_size=CHUNK)
    records = (record(s, request.build_absolute_uri) for s in statements)
    body = _csv_rows(records) if fmt == "csv" else _json_chunks(records, about)
    response = StreamingHttpResponse(body, content_type=FORMATS[fmt])
    disposition = "attachment" if fmt == "csv" else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}.{fmt}"'
    return response
