"""The two sample articles: the finder records what a careful editor records (seeds_expected.json)."""
import json
from pathlib import Path

import pytest
from expectations import organisation_problems, people_problems, statement_problems

from tests.text.finding import find, organisations, people, printed_in, records, speakers

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = json.loads((ROOT / "tests" / "data" / "seeds_expected.json").read_text(encoding="utf-8"))
ARTICLES = {a["file"]: a for a in EXPECTED["articles"]}
FOUND = {name: find(ROOT / "articles" / "samples" / name) for name in ARTICLES}


def test_statements_as_the_editor_records_them():
    found = {name: records(extraction) for name, (_, extraction) in FOUND.items()}
    problems = statement_problems(found, EXPECTED["articles"])
    assert not problems, "\n".join(problems)


def test_people_roles_and_no_forbidden_people():
    extractions = [extraction for _, extraction in FOUND.values()]
    problems = people_problems(people(extractions), speakers(extractions), EXPECTED["people"],
                               EXPECTED["forbidden_people"])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_organisation_spellings_and_acronyms_merged(name):
    parsed, extraction = FOUND[name]
    problems = organisation_problems(organisations(extraction), printed_in(parsed.body, EXPECTED["organisations"]))
    assert not problems, "\n".join(problems)
