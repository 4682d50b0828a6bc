"""The text parser on plain strings: what an editor would see go wrong if it broke."""
from datetime import date

import pytest

from articles.text.parse import ParseError, decode, parse_record, parse_text

ARTICLE = """top of page

Dec 6, 2023

Ministers agree to build the bridge
  • The plan was announced on Monday

  • Work starts in May

By Ann Lee, Bo Chen and Cy Diaz

“We will build it,” the mayor said.

The council   voted 7 to 2.

The council   voted 7 to 2.

Dr Ann Lee covers city hall. She joined in 2020.

bottom of page"""


def test_headline_date_standfirst_byline_body_and_bio():
    article = parse_text(ARTICLE, source="a.txt")
    assert article.headline == "Ministers agree to build the bridge"
    assert article.published == date(2023, 12, 6)
    assert article.standfirst == ["The plan was announced on Monday", "Work starts in May"]
    assert article.authors == ["Ann Lee", "Bo Chen", "Cy Diaz"]
    assert article.paragraphs == ["“We will build it,” the mayor said.", "The council voted 7 to 2."]
    assert article.repeated_paragraphs == 1
    assert article.author_bio.startswith("Dr Ann Lee covers city hall")
    assert "top of page" not in article.body and "bottom of page" not in article.body


@pytest.mark.parametrize(
    "byline, authors",
    [
        ("By A Smith and B Jones", ["A Smith", "B Jones"]),
        ("By A Smith, B Jones, and C Wu", ["A Smith", "B Jones", "C Wu"]),
        ("By Zhao Ziwen", ["Zhao Ziwen"]),
    ],
)
def test_bylines(byline, authors):
    assert parse_text(f"Headline\n\n{byline}\n\nBody text.").authors == authors


def test_a_sentence_beginning_with_by_is_body_and_a_date_line_may_carry_a_time():
    article = parse_text("Headline\n\nDecember 6, 2023, 10:31 am HKT\n\nBy noon, the council had voted.\n\nMore.")
    assert article.authors == [] and article.published == date(2023, 12, 6)
    assert article.paragraphs[0] == "By noon, the council had voted."
    assert parse_text("Headline\n\nBy Ursula von der Leyen\n\nBody.").authors == ["Ursula von der Leyen"]


def test_a_markdown_heading_is_the_headline_without_its_marks():
    assert parse_text("# Council backs the bridge\n\nBody.").headline == "Council backs the bridge"


def test_a_headline_may_end_with_an_abbreviation():
    assert parse_text("Talks resume with the U.S.\n\nBody.").headline == "Talks resume with the U.S."


def test_a_last_paragraph_about_someone_else_stays_in_the_body():
    article = parse_text("Headline\n\nBy Ann Lee\n\nBody.\n\nBo Chen is the new mayor.")
    assert article.paragraphs == ["Body.", "Bo Chen is the new mayor."]
    assert article.author_bio == ""


def test_front_matter_supplies_what_the_text_does_not_say():
    article = parse_text(
        "---\noutlet: The Daily\nurl: https://example.org/a\npublished: 2024-01-02\nauthors: Ann Lee, Bo Chen\n"
        "tags: [city, bridges]\n---\nHeadline\n\nBody."
    )
    assert (article.outlet, article.url, article.published) == ("The Daily", "https://example.org/a", date(2024, 1, 2))
    assert article.authors == ["Ann Lee", "Bo Chen"] and article.tags == ["city", "bridges"]


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("---\noutlet: X\nHeadline\n\nBody.", 1, "no closing '---'"),
        ("---\noutlet: X\nsection: news\n---\nHeadline\n\nBody.", 3, "unknown key 'section'"),
        ("---\noutlet X\n---\nHeadline\n\nBody.", 2, "expected 'key: value'"),
        ("---\npublished: 2023-02-30\n---\nHeadline\n\nBody.", 2, "impossible"),
        ("Headline\n\nFeb 30, 2023\n\nBody.", 3, "impossible date"),
        ("The council voted on Monday to build the bridge.\n\nMore body.", 1, "no headline"),
        ("---\noutlet: X\n---\n\n", 4, "no article text"),
        ("Just a headline", 1, "no body"),
    ],
)
def test_bad_text_names_the_line(text, line, message):
    with pytest.raises(ParseError, match=message) as caught:
        parse_text(text)
    assert caught.value.line == line


def test_decoding_utf8_latin1_binary_and_empty():
    assert decode("Café".encode()) == ("Café", None)
    text, warning = decode("Headline\n\nCafé “au lait”.".encode("cp1252"))
    assert text == "Headline\n\nCafé “au lait”." and warning[0] == 3
    with pytest.raises(ParseError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    with pytest.raises(ParseError, match="empty"):
        decode(b"  \n\n")


def test_json_lines_record():
    article = parse_record(
        '{"headline": "H", "body": "One.\\n\\nTwo.\\n\\nOne.", "authors": "A B, C D", "published": "2024-05-01"}',
        source="x.jsonl", line=7,
    )
    assert article.paragraphs == ["One.", "Two."] and article.authors == ["A B", "C D"] and article.line == 7
    with pytest.raises(ParseError, match="not JSON"):
        parse_record("{nope", line=3)
    with pytest.raises(ParseError, match="no body"):
        parse_record('{"headline": "H"}', line=3)


def test_the_content_hash_ignores_spacing_but_not_words():
    a = parse_text("Headline\n\nThe  council voted.")
    b = parse_text("Headline\n\n\nThe council\nvoted.")
    c = parse_text("Headline\n\nThe council voted again.")
    assert a.content_hash == b.content_hash != c.content_hash
