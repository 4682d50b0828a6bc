"""Matching keys of people and organisations (people/names.py)."""
from people.names import normalise_name, organisation_key


def test_person_key_ignores_accents_case_spacing_and_honorifics():
    assert normalise_name("Mr. José  Núñez") == normalise_name("jose nunez")
    assert normalise_name("Dr Ana O’Brien") == normalise_name("Ana O'Brien")


def test_person_key_keeps_different_people_apart():
    assert normalise_name("Li Qiang") != normalise_name("Li Keqiang")


def test_organisation_key_folds_british_and_american_spellings():
    assert organisation_key("Shanghai Cooperation Organisation") == organisation_key("Shanghai Cooperation Organization")
    assert organisation_key("Foundation for Defence of Democracies") == organisation_key(
        "Foundation for Defense of Democracies")
    assert organisation_key("Centre for Policy Studies") == organisation_key("Center for Policy Studies")
    assert organisation_key("Labour Party") == organisation_key("labor party")


def test_organisation_key_drops_leading_the_and_folds_ampersand():
    assert organisation_key("The Boston Consulting Group") == organisation_key("Boston Consulting Group")
    assert organisation_key("Johnson & Johnson") == organisation_key("Johnson and Johnson")


def test_organisation_key_leaves_ordinary_words_alone():
    assert organisation_key("Four Seasons") != organisation_key("For Seasons")
