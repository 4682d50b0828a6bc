"""An article carrying attacks, brought in by the importer, stays inert on every public page and export."""
import csv
import io
import json
import re
from collections import deque

import pytest
from django.core.management import call_command

from articles.models import Statement
from tests.public.test_escaping import IMG, JS, SCRIPT, assert_inert

HOSTILE = f"""---
outlet: Outlet {IMG}
url: {JS}
tags: {SCRIPT}, tag {IMG}
---
Headline {SCRIPT}

By Eve Trask

“{SCRIPT} is what we will run,” said Mallory Quince, the {IMG} director of Quince Labs.

Mallory Quince told reporters that {IMG} would follow.

“=SUM(A1:A9) and {JS} both work,” she said.
"""


@pytest.fixture
def imported(db, tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    call_command("import_articles", str(path), verbosity=0)
    assert Statement.objects.count() >= 2, "the finder found the hostile statements"
    return path


def crawl(client, start="/", limit=300):
    """Every public page reachable from START by its links (feeds and downloads too), with its content."""
    seen, queue = {start}, deque([start])
    while queue:
        url = queue.popleft()
        response = client.get(url)
        assert response.status_code == 200, url
        content = (b"".join(response.streaming_content) if response.streaming else response.content).decode()
        yield url, response, content
        for link in re.findall(r'href="([/?][^"#]*)', content):
            link = link.replace("&amp;", "&")
            link = url.split("?")[0] + link if link.startswith("?") else link
            if not link.startswith(("/admin/", "/static/")) and link not in seen and len(seen) < limit:
                seen.add(link)
                queue.append(link)


def test_no_public_page_feed_or_download_returns_a_payload_unescaped(client, imported):
    kinds, pages = set(), 0
    for url, response, content in crawl(client):
        pages += 1
        kinds.add(response["Content-Type"].split(";")[0])
        if "csv" in response["Content-Type"]:
            # CSV keeps the words as data; it is a download a browser never renders, with no formulas.
            assert response["Content-Disposition"].startswith("attachment;")
            assert response["X-Content-Type-Options"] == "nosniff"
            for row in csv.reader(io.StringIO(content)):
                assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row), (url, row)
        else:
            assert_inert(content, url)
    # The crawl reached the site's pages (home, people, organisations, article, statements, tags,
    # search), a feed and both downloads.
    assert pages >= 15, pages
    assert {"text/html", "application/atom+xml", "text/csv", "application/json"} <= kinds


def test_the_export_command_neutralises_formulas_and_drops_script_urls(imported, tmp_path):
    call_command("export_statements", "--format", "csv", "-o", str(tmp_path / "s.csv"))
    rows = list(csv.DictReader((tmp_path / "s.csv").open(encoding="utf-8")))
    assert any(row["text"].startswith("'=SUM(A1:A9)") for row in rows)
    for row in rows:
        assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for value in row.values()), row
        assert row["article_url"] == ""
    call_command("export_statements", "--format", "jsonl", "-o", str(tmp_path / "s.jsonl"))
    records = [json.loads(line) for line in (tmp_path / "s.jsonl").open(encoding="utf-8")]
    assert all(r["article"]["url"] is None for r in records)
