"""manage.py import_articles as an editor runs it: inputs, bad inputs, re-imports and dry runs."""
import io
import json
import os
import subprocess
import sys
import time
import timeit
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Statement
from articles.text.parse import parse_text
from people.models import Person

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(map(str, (ROOT / "articles" / "samples").glob("*.txt")))

pytestmark = pytest.mark.django_db

GOOD = """Harbour bridge approved

By Ann Lee

“We will build the bridge before the winter comes,” said Mayor Bo Chen of Harbourtown.

The council voted seven to two on Monday."""


def run(*args, **options):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_articles", *map(str, args), stdout=out, stderr=err, **options)
    except CommandError as failure:
        return out.getvalue(), err.getvalue(), failure
    return out.getvalue(), err.getvalue(), None


def export():
    out = io.StringIO()
    call_command("export_statements", stdout=out)
    return out.getvalue()


def test_samples_import_once_then_report_unchanged(tmp_path):
    out, err, failure = run(*SAMPLES)
    assert failure is None, err
    assert "articles: 2 created, 0 updated, 0 unchanged, 0 failed" in out
    first = export()
    assert first and Statement.objects.exists()
    out, _, _ = run(*SAMPLES)
    assert "articles: 0 created, 0 updated, 2 unchanged, 0 failed; statements: 0 created; people: 0 created" in out
    assert export() == first


BAD = {
    "empty.txt": (b"", "empty.txt:1: the file is empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" * 20, "binary.txt:1: this is a binary file"),
    "no_headline.txt": (b"The council voted on Monday to build it.\n\nMore.", "no_headline.txt:1: no headline"),
    "open_front_matter.txt": (b"---\noutlet: X\n\nHeadline\n\nBody.", "open_front_matter.txt:1: front matter: no"),
    "unknown_key.txt": (b"---\noutlet: X\nsection: news\n---\nHeadline\n\nBody.", "unknown_key.txt:3: front matter:"),
    "bad_line.txt": (b"---\noutlet X\n---\nHeadline\n\nBody.", "bad_line.txt:2: front matter: expected 'key: value'"),
    "bad_date.txt": (b"---\npublished: 2023-02-30\n---\nHeadline\n\nBody.", "bad_date.txt:2: impossible"),
    "huge.txt": (b"Headline\n\n" + b"word " * 1_100_000, "huge.txt:1: larger than 5 MB: refused"),
    "bulk.jsonl": (
        b'{"headline": "Fine one", "body": "A body."}\n{not json\n{"headline": "No body"}\n[1, 2]\n'
        b'{"headline": "Leap", "body": "B.", "published": "2023-02-30"}\n',
        "bulk.jsonl:2: not JSON",
    ),
}


def test_bad_files_are_reported_by_line_and_the_rest_go_in(tmp_path):
    for name, (data, _) in BAD.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "latin1.txt").write_bytes("Café reopens\n\nThe café opened its doors on Monday.".encode("latin-1"))
    out, err, failure = run(tmp_path)
    assert failure is not None
    for _, message in BAD.values():
        assert f"{tmp_path}/{message}" in err
    assert f"{tmp_path}/bulk.jsonl:3: the record has no body" in err
    assert f"{tmp_path}/bulk.jsonl:4: a JSON Lines record must be an object" in err
    assert f"{tmp_path}/bulk.jsonl:5: impossible or malformed date '2023-02-30'" in err
    assert f"{tmp_path}/latin1.txt:1: not UTF-8; read as Windows-1252/Latin-1" in err
    assert "12 failed" in out
    assert sorted(Article.objects.values_list("headline", flat=True)) == [
        "Café reopens", "Fine one", "Harbour bridge approved"]


def test_exit_status_and_stdin_through_manage_py(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v", "0"], env=env, check=True, capture_output=True)
    lines = json.dumps({"headline": "From stdin", "body": "One.\n\nTwo.", "published": "2024-02-29"}) + "\n"
    done = subprocess.run([*manage, "import_articles", "--no-extract", "-", str(tmp_path / "missing.txt")],
                          env=env, input=lines.encode(), capture_output=True)
    assert done.returncode == 1
    assert "missing.txt:1: No such file or directory" in done.stderr.decode()
    assert "articles: 1 created, 0 updated, 0 unchanged, 1 failed" in done.stdout.decode()
    done = subprocess.run([*manage, "import_articles", "--no-extract", "-"], env=env, input=GOOD.encode(),
                          capture_output=True)
    assert done.returncode == 0 and "1 created" in done.stdout.decode()


def test_a_folder_is_searched_recursively_and_batch_options_fill_gaps(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(GOOD)
    (tmp_path / "a" / "b" / "two.md").write_text("---\noutlet: The Daily\ntags: city\n---\nSecond story\n\nBody.")
    (tmp_path / "a" / "b" / "three.jsonl").write_text(
        json.dumps({"headline": "Third story", "body": "Body three.", "published": "2020-01-01", "tags": ["x"]}))
    (tmp_path / "a" / "notes.csv").write_text("not,an,article")
    _, err, failure = run(tmp_path, "--no-extract", outlet="Harbour News", published="2024-05-06", tag=["Local"])
    assert failure is None, err
    articles = {a.headline: a for a in Article.objects.select_related("outlet")}
    assert set(articles) == {"Harbour bridge approved", "Second story", "Third story"}
    assert articles["Second story"].outlet.name == "The Daily"
    assert articles["Third story"].outlet.name == "Harbour News"
    assert str(articles["Third story"].published) == "2020-01-01"
    assert str(articles["Harbour bridge approved"].published) == "2024-05-06"
    assert set(articles["Second story"].tags.names()) == {"city", "Local"}
    assert list(articles["Harbour bridge approved"].authors.values_list("name", flat=True)) == ["Ann Lee"]


def test_dry_run_stores_nothing_but_says_what_would_change(tmp_path):
    out, _, failure = run(*SAMPLES, dry_run=True)
    assert failure is None
    assert "would be created: China and Iran vow" in out and "Dry run, nothing stored" in out
    assert not Article.objects.exists() and not Person.objects.exists() and not Statement.objects.exists()


def test_a_verified_statement_survives_an_edit_of_its_article(tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_text(GOOD)
    run(path)
    statement = Statement.objects.get(text__contains="build the bridge")
    statement.status = Statement.Status.VERIFIED
    statement.save()
    path.write_text(GOOD.replace("By Ann Lee\n", "By Ann Lee\n\nThe vote came late on Monday.\n").replace(
        "Harbour bridge approved", "Harbour bridge approved at last"))
    out, _, _ = run(path, verbosity=2)
    assert "updated: Harbour bridge approved at last" in out
    assert Article.objects.count() == 1
    statement.refresh_from_db()
    body = Article.objects.get().body
    assert statement.status == "verified" and statement.text in body[statement.start:statement.end]
    assert statement.start == body.index("“We will")
    assert Statement.objects.filter(text__contains="build the bridge").count() == 1


def test_a_changed_text_at_the_same_url_updates_that_article():
    first = {"headline": "H", "body": "First version.", "url": "https://example.org/x"}
    second = {**first, "body": "Second version."}
    data = "\n".join(json.dumps(r) for r in (first, second))
    sys_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(data.encode()))
    try:
        out, _, _ = run("-", "--no-extract")
    finally:
        sys.stdin = sys_stdin
    assert "1 created, 1 updated" in out
    assert Article.objects.get().body == "Second version."


def test_pathological_input_is_imported_in_bounded_time(tmp_path):
    """5,000 unbalanced quote marks and a 1 MB paragraph go in; the finder's share of the time is
    measured in the report (it grows faster than the text on unbalanced quotes)."""
    (tmp_path / "quotes.txt").write_text("Quote marks everywhere\n\n" + "“ word said " * 5000 + "end.")
    (tmp_path / "long.txt").write_text("One long paragraph\n\n" + "The minister said the plan would work. " * 27000)
    started = time.monotonic()
    _, err, failure = run(tmp_path)
    assert failure is None, err
    assert time.monotonic() - started < 60
    assert Article.objects.count() == 2 and len(Article.objects.get(headline="One long paragraph").body) > 1_000_000


def test_the_parser_takes_time_linear_in_the_text():
    def seconds(n):
        text = "Headline\n\n" + "“ word said, " * n + "\n\n" + "A sentence of a long paragraph. " * n
        return min(timeit.repeat(lambda: parse_text(text), number=1, repeat=3))

    assert seconds(40_000) < 4 * seconds(20_000)
