"""Acceptance: the sample articles and the finder's case articles, imported through the command into
an empty database, give what their expected.json describes."""
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from expectations import statement_problems

from tests.importing.database_checks import article_problems, found_statements, people_and_organisations

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "articles" / "samples").glob("*.txt"))
SEEDS = json.loads((ROOT / "tests" / "data" / "seeds_expected.json").read_text())
CASES = ROOT / "tests" / "data" / "cases"

pytestmark = pytest.mark.django_db


@pytest.fixture
def samples():
    call_command("import_articles", *map(str, SAMPLES), verbosity=0)


def test_sample_articles_are_parsed_as_an_editor_would(samples):
    assert article_problems(SEEDS) == []


@pytest.mark.parametrize("spec", [s for s in SEEDS["articles"] if "repeated_paragraphs_dropped" in s],
                         ids=lambda s: s["file"])
def test_paragraphs_printed_twice_are_dropped_and_reported(spec, tmp_path):
    out = io.StringIO()
    call_command("import_articles", str(ROOT / "articles" / "samples" / spec["file"]), verbosity=2, stdout=out)
    assert f"{spec['repeated_paragraphs_dropped']} repeated paragraphs dropped" in out.getvalue()


def test_sample_statements_are_found_and_attributed(samples):
    assert statement_problems(found_statements(SEEDS), SEEDS["articles"]) == []


def test_sample_people_and_organisations_are_linked(samples):
    assert people_and_organisations(SEEDS) == []


def test_case_articles():
    expected = json.loads((CASES / "expected.json").read_text())
    call_command("import_articles", str(CASES), verbosity=0)
    problems = article_problems(expected) + statement_problems(found_statements(expected), expected["articles"],
                                                               allowed_extra=0)
    assert problems + people_and_organisations(expected) == []
