"""Attribution rules, speaker phrases, pronouns, audiences, relays and scare quotes, on single strings."""
import pytest

from articles.text.names import parse_after, parse_before
from articles.text.quotes import extract


def _one(*paragraphs):
    statements = extract(list(paragraphs)).statements
    assert len(statements) == 1, [(s.speaker, s.text) for s in statements]
    return statements[0]


@pytest.mark.parametrize("paragraph", [
    "“The bridge will open in May,” Mayor Ines Carvalho said.",
    "“The bridge will open in May,” said Mayor Ines Carvalho.",
    "Mayor Ines Carvalho said: “The bridge will open in May.”",
    "Mayor Ines Carvalho said on Tuesday, “The bridge will open in May.”",
    '"The bridge will open in May," Mayor Ines Carvalho said.',
])
def test_direct_quote_with_attribution_on_either_side(paragraph):
    found = _one(paragraph)
    assert (found.speaker.name, found.kind, found.text.rstrip(".,")) == (
        "Ines Carvalho", "direct", "The bridge will open in May")
    assert found.role == "Mayor"


def test_span_covers_the_quoted_words():
    body = "“The bridge will open in May,” Mayor Ines Carvalho said."
    found = _one(body)
    assert body[found.start:found.end].startswith("“The bridge") and found.paragraph == 0


def test_several_passages_of_one_speaker_in_a_paragraph_are_one_statement():
    found = _one("“We are ready,” coach Lena Brook said. “The team has trained all winter.”")
    assert found.text == "We are ready, The team has trained all winter."


@pytest.mark.parametrize("sentence, clause", [
    ("Finance minister Ola Dahl said the budget would balance by 2027.", "the budget would balance by 2027"),
    ("Finance minister Ola Dahl said that the budget would balance by 2027.", "the budget would balance by 2027"),
    ("Finance minister Ola Dahl told lawmakers that the budget would balance by 2027.",
     "the budget would balance by 2027"),
    ("The budget would balance by 2027, finance minister Ola Dahl said.", "The budget would balance by 2027"),
])
def test_reported_speech_gives_the_reported_clause(sentence, clause):
    found = _one(sentence)
    assert (found.speaker.name, found.kind, found.text) == ("Ola Dahl", "indirect", clause)


def test_reported_clause_with_quoted_fragment_is_mixed():
    found = _one("Finance minister Ola Dahl said the plan was “fair to every region” and would pass.")
    assert found.kind == "mixed" and "fair to every region" in found.text


def test_saying_clause_belongs_to_the_sentence_subject():
    found = _one("Union leader Piet Smit rejected the offer, saying it ignored rising rents.")
    assert (found.speaker.name, found.cue, found.text) == ("Piet Smit", "saying", "it ignored rising rents")


def test_according_to_names_the_source():
    found = _one("Exports fell by a tenth last year, according to the national Statistics Bureau.")
    assert found.cue == "according to" and found.text == "Exports fell by a tenth last year"
    assert found.speaker.kind == "organisation"


def test_unnamed_source_is_a_label():
    found = _one("The mine will close in June, according to a former senior company official.")
    assert found.speaker == found.speaker.__class__("label", "a former senior company official")


def test_organisation_as_speaker():
    found = _one("The Harbour Authority said it would dredge the channel this summer.")
    assert (found.speaker.kind, found.speaker.name) == ("organisation", "Harbour Authority")


def test_audience_is_not_the_speaker():
    found = _one("“We need more nurses,” health chief Mira Santos told the Evening Ledger.")
    assert (found.speaker.name, found.audience) == ("Mira Santos", "the Evening Ledger")


def test_relay_is_not_the_speaker():
    found = _one("Pilot Jonas Weber spoke at the airfield.",
                 "“Nobody was hurt and the aircraft will fly again,” he said, per Alpine Wire.")
    assert (found.speaker.name, found.via) == ("Jonas Weber", "Alpine Wire")


def test_pronoun_resolves_to_the_last_compatible_person():
    paragraphs = ["Spokeswoman Hana Kito met reporters with her colleague Ivo Marek.",
                  "“The talks went well,” she said."]
    assert _one(*paragraphs).speaker.name == "Hana Kito"


def test_possessor_of_the_meeting_is_the_pronoun_subject():
    paragraphs = ["Envoy Arvid Lund met Minister Omar Haddad in Amman.",
                  "During Lund’s meeting with Haddad, he said the border would stay open to aid convoys."]
    assert _one(*paragraphs).speaker.name == "Arvid Lund"


def test_surname_resolves_to_the_full_name_printed_before():
    found = _one("Senator Ruth Ekwueme opened the debate.", "“This bill is overdue,” Ekwueme said.")
    assert found.speaker.name == "Ruth Ekwueme"


def test_scare_quotes_and_titles_are_not_statements():
    paragraphs = ["The council praised the “green corridor” plan and screened “The Long Walk Home” on Friday.",
                  "Residents called the scheme a “bold experiment.”"]
    assert extract(paragraphs).statements == []


def test_same_words_printed_twice_are_one_statement():
    paragraphs = ["“We will appeal,” lawyer Sam Okoye said.", "Court adjourned.", "“We will appeal,” Okoye said."]
    assert len(extract(paragraphs).statements) == 1


def test_outlets_and_organisations_are_never_people():
    paragraphs = ["“The strike is over,” union chief Ada Lin told the Daily Courier on Thursday.",
                  "Hamas and Reuters were not mentioned by her."]
    people = {p.name for p in extract(paragraphs).people}
    assert people == {"Ada Lin"}


def test_role_and_organisation_beside_the_name():
    phrase = parse_before("Center for Urban Policy senior fellow Maya Roth ")
    assert (phrase.name, phrase.role, phrase.organisation) == (
        "Maya Roth", "senior fellow", "Center for Urban Policy")


def test_apposition_gives_role_and_organisation():
    phrase, _ = parse_after("Tomas Berg, secretary of the Nordic Fisheries Council, at the port.")
    assert phrase.name == "Tomas Berg" and phrase.extra_roles == [("secretary", "Nordic Fisheries Council")]


def test_same_spelling_variants_and_acronym_merge_in_one_article():
    paragraphs = ["The Baltic Trade Organisation (BTO) met in Riga.",
                  "The Baltic Trade Organization said it would admit two members.",
                  "The BTO was founded in 1998."]
    organisations = extract(paragraphs).organisations
    assert len(organisations) == 1
    assert organisations[0].acronym == "BTO"
    assert organisations[0].names == ["Baltic Trade Organization"]


def test_quotation_alone_after_reported_speech_is_the_same_speakers():
    statements = extract(["Harbour master Ilse Brand said the quay would close for a month.",
                          "“Nobody will be allowed near the crane until it is inspected.”"]).statements
    assert [(s.speaker.name, s.kind) for s in statements] == [("Ilse Brand", "indirect"), ("Ilse Brand", "direct")]
    assert statements[1].confidence < statements[0].confidence


def test_surname_shared_by_two_people_goes_to_the_most_recent_with_less_confidence():
    statements = extract(["Anna Varga chairs the board.", "Her cousin, Peter Varga, disagrees with her.",
                          "“The vote was rushed,” Varga said."]).statements
    assert statements[0].speaker.name == "Peter Varga" and statements[0].confidence < 0.6
