"""Short articles written for these tests, one way of printing quotes each (tests/data/cases)."""
import json
from pathlib import Path

import pytest
from expectations import organisation_problems, people_problems, statement_problems

from tests.text.finding import find, organisations, people, printed_in, records, speakers

CASES = Path(__file__).resolve().parents[1] / "data" / "cases"
EXPECTED = json.loads((CASES / "expected.json").read_text(encoding="utf-8"))["articles"]


@pytest.mark.parametrize("case", EXPECTED, ids=[case["file"] for case in EXPECTED])
def test_case_article(case):
    parsed, extraction = find(CASES / case["file"])
    found = records(extraction)
    problems = statement_problems({case["file"]: found}, [case], allowed_extra=0)
    problems += people_problems(people([extraction]), speakers([extraction]), case["people"], case["forbidden_people"])
    problems += organisation_problems(organisations(extraction), printed_in(parsed.body, case.get("organisations", [])))
    listing = "\n".join(f"  {r['speaker'] or r['speaker_organisation'] or r['speaker_label']!r} [{r['kind']}]: "
                        f"{r['text'][:80]!r}" for r in found)
    assert not problems, "\n".join(problems) + "\nstatements found:\n" + listing


def test_every_case_file_is_checked():
    files = sorted(p.name for p in CASES.glob("*.txt"))
    assert files == sorted(case["file"] for case in EXPECTED)
    assert len(files) >= 18
