"""The HTML builders and the search query translation, on plain values."""
from types import SimpleNamespace

from articles import rendering, search


def span(pk, start, end):
    return SimpleNamespace(pk=pk, start=start, end=end)


def mark(statement, words, first):
    return f"[{statement.pk}{'*' if first else ''}:{words}]"


def test_highlighted_paragraphs_escape_between_spans():
    body = "<b>A</b> said x.\n\nThen y & z."
    paragraphs = rendering.highlighted_paragraphs(body, [span(1, 9, 15)], mark)
    assert paragraphs == ["&lt;b&gt;A&lt;/b&gt; [1*:said x].", "Then y &amp; z."]


def test_span_across_paragraphs_is_cut_and_anchored_once():
    body = "one two\n\nthree four"
    assert rendering.highlighted_paragraphs(body, [span(7, 4, 14)], mark) == ["one [7*:two]", "[7:three] four"]


def test_overlapping_spans_keep_both_anchors():
    body = "abcdefghij"
    out = rendering.highlighted_paragraphs(body, [span(1, 0, 6), span(2, 2, 4), span(3, 4, 9)], mark)
    assert out == ["[1*:abcdef][2*:][3*:ghi]j"]


def test_highlight_escapes_then_marks():
    marked = rendering.highlight("<i>Supported</i> & more", ["supports"])
    assert marked == "&lt;i&gt;<mark>Supported</mark>&lt;/i&gt; &amp; more"
    assert rendering.highlight("<i>x</i>", []) == "&lt;i&gt;x&lt;/i&gt;"


def test_http_url():
    assert rendering.http_url("https://example.com/a") == "https://example.com/a"
    for url in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil.example", "", None):
        assert rendering.http_url(url) == ""


def test_script_safe_json():
    assert rendering.script_safe_json({"a": "</script>&"}) == '{"a": "\\u003C/script\\u003E\\u0026"}'


def test_year_bars_fill_missing_years():
    chart = rendering.year_bars([(2020, 4), (2022, 2)])
    assert [(b["year"], b["n"], b["h"]) for b in chart["bars"]] == [(2020, 4, 60), (2021, 0, 0), (2022, 2, 30)]


def test_fts5_translation():
    def fts(q):
        return search.fts5_expression(search.parse(q))

    assert fts("stay calm") == '("stay") AND ("calm")'
    assert fts('"stay calm" OR restraint -Iran') == '(("stay calm" OR "restraint")) NOT "Iran"'
    assert fts('NEAR( "unbalanced') == '("NEAR") AND ("unbalanced")'
    assert search.parse("- OR *").groups == []
    assert search.parse("calm -peace").words == ["calm"]
