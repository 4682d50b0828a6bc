"""Acceptance: the sample articles and the finder's case articles, imported through the command into
an empty database, give what their expected.json describes."""
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from .expectations import article_problems, people_problems, statement_problems

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


def test_sample_statements_are_found_and_attributed(samples):
    assert statement_problems(SEEDS) == []


def test_sample_people_and_organisations_are_linked(samples):
    assert people_problems(SEEDS) == []


def test_case_articles():
    expected = json.loads((CASES / "expected.json").read_text())
    call_command("import_articles", str(CASES), verbosity=0)
    problems = article_problems(expected) + statement_problems(expected, allowed_extra=0, match_kind=True)
    assert problems + people_problems(expected) == []
