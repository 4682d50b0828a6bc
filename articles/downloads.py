"""A filtered list of public statements as CSV or JSON, streamed so a long list costs no memory.

The fields are those of the export_statements command (see DESIGN.md), minus what is only
for editors (the source file). CSV cells are neutralised against formulas; JSON is escaped
like json_script so that no browser can take it for HTML.
"""
import csv

from django.http import StreamingHttpResponse

from articles.exporting import CSV_FIELDS, csv_cells, record
from articles.rendering import script_safe_json
from articles.selectors import newest_first, statement_cards

FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
# The export's columns for readers: the source file is for editors, the article's page is added.
CSV_COLUMNS = [c for c in CSV_FIELDS if c != "article_source_file"] + ["article_page"]
CHUNK = 500


def public_record(statement, absolute):
    item = record(statement, absolute=absolute)
    del item["article"]["source_file"]
    item["article"]["page"] = absolute(statement.article.get_absolute_url())
    return item


class _Echo:
    """csv.writer wants a file; this one hands each row straight back to the response."""

    def write(self, value):
        return value


def _csv_rows(records):
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_COLUMNS)
    for item in records:
        cells = csv_cells(item)
        yield writer.writerow([cells[column] for column in CSV_COLUMNS])


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
    records = (public_record(s, request.build_absolute_uri) for s in statements)
    body = _csv_rows(records) if fmt == "csv" else _json_chunks(records, about)
    response = StreamingHttpResponse(body, content_type=FORMATS[fmt])
    disposition = "attachment" if fmt == "csv" else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}.{fmt}"'
    return response
