"""The seeds acceptance: after importing the two sample articles, the person pages of Li Qiang,
Mao Ning and Bonny Lin show who they are and what they said (see /work/shared/seeds/expected.json).

Needs the importer (branch `importer`): until it is merged, there is no import_articles command
and no articles/samples/, and this test fails.
"""
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from people.models import Person

SAMPLES = sorted((Path(settings.BASE_DIR) / "articles" / "samples").glob("*.txt"))

EXPECTED = {
    "Li Qiang": {
        "roles": ["premier"],
        "said": ["enrich the connotation of the China-Iran comprehensive strategic partnership",
                 "firmly support Iran in safeguarding its national sovereignty"],
    },
    "Mao Ning": {
        "roles": ["spokeswoman", "Foreign Ministry"],
        "said": ["catastrophic fallout of the abrupt escalation", "highly recognized by the Arab delegates",
                 "China stands ready to work with Arab countries", "Thank you for your interest"],
    },
    "Bonny Lin": {
        "roles": ["senior fellow", "Center for Strategic and International Studies"],
        "said": ["We are seeing some pushback from Arab countries", "We still need to wait to see what exactly"],
    },
}


@pytest.fixture
def imported(db):
    assert len(SAMPLES) == 2, "articles/samples/ should hold the two sample articles"
    call_command("import_articles", *map(str, SAMPLES), verbosity=0)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_person_page(client, imported, name):
    person = Person.objects.get(name=name)
    response = client.get(person.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode().replace("’", "'")
    assert f"<h1>{name}</h1>" in html
    for role in EXPECTED[name]["roles"]:
        assert role.casefold() in html.casefold(), role
    for words in EXPECTED[name]["said"]:
        assert words in html, words
    assert "#s-" in html  # each statement links to its place in the article
