"""The two sample articles: the finder records what a careful editor records (seeds_expected.json)."""
import json
from pathlib import Path

import pytest
from finder_expectations import organisation_problems, people_problems, split_article, statement_problems

from articles.text.quotes import extract

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = json.loads((ROOT / "tests" / "data" / "seeds_expected.json").read_text(encoding="utf-8"))
ARTICLES = {a["file"]: a for a in EXPECTED["articles"]}


def _extract(name):
    article = ARTICLES[name]
    text = (ROOT / "articles" / "samples" / name).read_text(encoding="utf-8")
    headline, paragraphs = split_article(text, article["authors"])
    return paragraphs, extract(paragraphs, headline=headline, authors=article["authors"])


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_body_split_as_the_editor_sees_it(name):
    paragraphs, _ = _extract(name)
    assert len(paragraphs) == ARTICLES[name]["body_paragraphs_after_cleaning"]


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_statements_as_the_editor_records_them(name):
    _, extraction = _extract(name)
    problems = statement_problems(extraction, ARTICLES[name])
    assert not problems, "\n".join(problems)


def test_people_roles_and_no_forbidden_people():
    extractions = [_extract(name)[1] for name in sorted(ARTICLES)]
    problems = people_problems(extractions, EXPECTED["people"], EXPECTED["forbidden_people"])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_organisation_spellings_and_acronyms_merged(name):
    paragraphs, extraction = _extract(name)
    problems = organisation_problems(extraction, "\n\n".join(paragraphs), EXPECTED["organisations"])
    assert not problems, "\n".join(problems)
