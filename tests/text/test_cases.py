"""Short articles written for these tests, one way of printing quotes each (tests/data/cases)."""
import json
from pathlib import Path

import pytest
from finder_expectations import organisation_problems, people_problems, split_article, statement_problems

from articles.text.quotes import extract

CASES = Path(__file__).resolve().parents[1] / "data" / "cases"
EXPECTED = json.loads((CASES / "expected.json").read_text(encoding="utf-8"))["articles"]


@pytest.mark.parametrize("case", EXPECTED, ids=[case["file"] for case in EXPECTED])
def test_case_article(case):
    headline, paragraphs = split_article((CASES / case["file"]).read_text(encoding="utf-8"))
    extraction = extract(paragraphs, headline=headline)
    problems = statement_problems(extraction, case, allowed_others=0)
    problems += people_problems([extraction], case["people"], case["forbidden_people"])
    problems += organisation_problems(extraction, "\n\n".join(paragraphs), case.get("organisations", []))
    found = "\n".join(f"  {s.speaker.kind} {s.speaker.name!r} [{s.kind}, {s.cue!r}]: {s.text[:80]!r}"
                      for s in extraction.statements)
    assert not problems, "\n".join(problems) + "\nstatements found:\n" + found


def test_every_case_file_is_checked():
    files = sorted(p.name for p in CASES.glob("*.txt"))
    assert files == sorted(case["file"] for case in EXPECTED)
    assert len(files) >= 18
