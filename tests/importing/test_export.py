"""manage.py export_statements: the record researchers get, and what it must never contain."""
import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.exporting import CSV_FIELDS, FIELDS
from articles.models import Statement
from tests.conftest import make_article, make_organisation, make_outlet, make_person, make_statement

pytestmark = pytest.mark.django_db


def export(*args):
    out = io.StringIO()
    call_command("export_statements", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def statements():
    article = make_article(
        body="=SUM(A1:A9) is what she typed.\n\n+1 for the plan, said the union.\n\n-2 degrees tonight.",
        headline="Spreadsheets", url="https://example.org/s", published="2024-01-02", outlet=make_outlet("The Daily"),
        source_file="in/s.txt",
    )
    mao = make_person("Mao Ning", slug="mao-ning")
    first = make_statement(article, "=SUM(A1:A9)", person=mao, organisation=make_organisation("Foreign Ministry"),
                           cue="said", confidence=0.8)
    first.tags.add("budget", "@risk")
    make_statement(article, "+1 for the plan", organisation=make_organisation("Union"), kind="indirect")
    make_statement(article, "-2 degrees tonight", speaker_label="a forecaster", status=Statement.Status.REJECTED)
    return first


def test_jsonl_record_has_exactly_the_agreed_fields(statements):
    records = [json.loads(line) for line in export().splitlines()]
    assert len(records) == 2 and list(records[0]) == FIELDS
    first = records[0]
    assert first["speaker"] == "Mao Ning" and first["speaker_organisation"] == "Foreign Ministry"
    assert first["tags"] == ["@risk", "budget"] and first["said_on"] == "2024-01-02" and first["confidence"] == 0.8
    assert first["permalink"] == f"http://127.0.0.1:8000/statements/{statements.pk}/"
    assert first["article"] == {"headline": "Spreadsheets", "outlet": "The Daily", "published": "2024-01-02",
                                "url": "https://example.org/s", "source_file": "in/s.txt"}
    assert records[1]["speaker"] is None and records[1]["speaker_organisation"] == "Union"


def test_rejected_statements_only_when_asked_for(statements):
    assert "degrees" not in export()
    rejected = [json.loads(line) for line in export("--status", "rejected").splitlines()]
    assert [r["speaker_label"] for r in rejected] == ["a forecaster"]
    assert [json.loads(line)["speaker"] for line in export("--person", "mao-ning").splitlines()] == ["Mao Ning"]
    with pytest.raises(CommandError, match="no person"):
        export("--person", "nobody")


def test_csv_neutralises_formulas_and_flattens_the_article(statements, tmp_path):
    out = tmp_path / "s.csv"
    call_command("export_statements", "--format", "csv", "--status", "rejected", "-o", str(out), verbosity=0)
    call_command("export_statements", "--format", "csv", "-o", str(out), "--base-url", "https://news.example")
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0]) == CSV_FIELDS and "article_headline" in CSV_FIELDS
    assert rows[0]["text"] == "'=SUM(A1:A9)" and rows[1]["text"] == "'+1 for the plan"
    assert rows[0]["tags"] == "'@risk; budget"
    assert rows[0]["permalink"] == f"https://news.example/statements/{statements.pk}/"
    assert rows[0]["article_outlet"] == "The Daily"


def test_export_costs_a_fixed_number_of_queries(statements):
    article = statements.article
    for n in range(20):
        make_statement(article, article.body[n:n + 5], speaker_label=f"source {n}", start=n)
    with CaptureQueriesContext(connection) as queries:
        assert len(export().splitlines()) == 22
    assert len(queries) <= 3
