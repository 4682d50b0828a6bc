"""Quote pairing, masking and sentences (articles/text/spans.py)."""
from articles.text.spans import find_passages, mask_quotes, pair_quotes, sentences


def _inner(text, spans):
    return [text[s:e] for s, e, *_ in spans]


def test_curly_and_straight_marks_pair():
    text = 'He said “yes,” then "no" and «peut-être».'
    assert _inner(text, pair_quotes(text)) == ["“yes,”", '"no"', "«peut-être»"]


def test_apostrophes_and_single_quotes_are_not_quote_marks():
    text = "“It’s the ‘best’ plan,” Smith’s aide said."
    assert _inner(text, pair_quotes(text)) == ["“It’s the ‘best’ plan,”"]


def test_two_apostrophes_stand_for_a_double_mark():
    text = "''We will win,'' he said."
    assert _inner(text, pair_quotes(text)) == ["''We will win,''"]


def test_quotation_continued_into_next_paragraph_is_linked():
    paragraphs = ["“First part of the speech.", "“Second part,” she said."]
    passages = find_passages(paragraphs, [0, len(paragraphs[0]) + 2])
    assert [(p.closed, p.continues, p.continued) for p in passages] == [(False, True, False), (True, False, True)]


def test_unclosed_mark_not_resumed_is_dropped():
    paragraphs = ["He called it “a mess and left.", "Nobody answered."]
    assert find_passages(paragraphs, [0, len(paragraphs[0]) + 2]) == []


def test_masking_keeps_length_and_final_punctuation():
    body = "“Go home.” Then he left."
    masked = mask_quotes(body, find_passages([body], [0]))
    assert len(masked) == len(body) and "Go" not in masked and masked.startswith("“xxxxxxx.”")


def test_sentences_do_not_end_at_abbreviations_or_initials():
    text = "Sen. Jane Roe of the U.S. Senate met George W. Bush. Then she left."
    assert [text[s:e].strip() for s, e in sentences(text, 0, len(text))] == [
        "Sen. Jane Roe of the U.S. Senate met George W. Bush.", "Then she left."]


def test_many_unbalanced_marks_pair_in_one_pass():
    text = "“" * 5000 + " word"
    assert len(pair_quotes(text)) == 1
