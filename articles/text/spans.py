"""Quote marks and sentences in article paragraphs, found in one linear pass each.

Quoted passages are paired double quote marks (curly, straight, guillemets); single quotes are left
alone because they double as apostrophes and as the marks of quotes nested inside quotes. A passage
left open at the end of a paragraph and resumed by an opening mark at the start of the next one is
one quotation printed over several paragraphs (the newspaper convention).
"""
import re
import unicodedata
from dataclasses import dataclass

from articles.text.lexicon import words

# Two apostrophes stand for a straight double mark in some archives' plain text.
_MARKS = re.compile("''|[\u201c\u201d\u201e\u00ab\u00bb\"]")
_OPENERS = "\u201c\u201e\u00ab"
_CLOSERS = "\u201d\u00bb"
_OPEN_CONTEXT = " \t\n([{\u2014\u2013-/"
FILLER = "x"

# A sentence ends at . ? or ! (closing marks may follow) before white space and a capital, digit or
# opening mark (the words after it are masked); abbreviations and initials ("Mr.", "U.S.", "J.") do not end one.
_SENTENCE_END = re.compile("[.?!][\u201d\"\u2019')\\]]*\\s+(?=[\u201c\"\u2018'(\\[A-Z0-9])")
_ABBREVIATIONS = words("""
mr mrs ms dr sen rep gov gen lt col sgt capt adm maj cpl prof st jr sr inc corp co ltd no vol vs etc rev jan
feb mar apr jun jul aug sep sept oct nov dec ariz calif fla mass conn pa wash mich minn wis ill ind ky la md
mo nev okla ore tenn tex va vt colo del ga kan neb messrs mt ft dept pres gens reps sens supt
""")


@dataclass
class Passage:
    """A quoted passage: body[start:end] runs from the opening mark to past the closing mark."""
    start: int
    end: int
    paragraph: int
    closed: bool = True          # False when the paragraph ends before the closing mark
    open_len: int = 1            # length of the opening and closing marks ('' is two characters)
    close_len: int = 1
    continues: bool = False      # the quotation goes on in the next paragraph
    continued: bool = False      # this passage resumes one from the previous paragraph

    def inner(self, body):
        return body[self.start + self.open_len:self.end - self.close_len if self.closed else self.end]


def _opens_straight(text, i, length):
    before = text[i - 1] if i else " "
    after = text[i + length] if i + length < len(text) else " "
    return before in _OPEN_CONTEXT or (not after.isspace() and after not in ",.;:?!")


def pair_quotes(paragraph):
    """(start, end, closed, open_len, close_len) of each quoted passage of one paragraph, in order."""
    spans, open_at, open_len = [], None, 1
    for m in _MARKS.finditer(paragraph):
        i, mark = m.start(), m.group()
        straight = mark in ('"', "''")
        if mark in _OPENERS or (straight and open_at is None and _opens_straight(paragraph, i, len(mark))):
            # An opener inside an open passage means the closing mark was left out: start afresh.
            open_at, open_len = i, len(mark)
        elif open_at is not None and (mark in _CLOSERS or straight):
            spans.append((open_at, m.end(), True, open_len, len(mark)))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(paragraph), False, open_len, 0))
    return spans


def find_passages(paragraphs, offsets):
    """Quoted passages of the whole body, with quotations continued over paragraphs linked."""
    passages = []
    for index, (text, offset) in enumerate(zip(paragraphs, offsets)):
        starts_with_opener = text[:1] in _OPENERS or text[:1] == '"' or text.startswith("''")
        previous = passages[-1] if passages and passages[-1].paragraph == index - 1 else None
        if previous is not None and not previous.closed:
            if starts_with_opener:
                previous.continues = True
            else:
                passages.pop()  # an unclosed mark that nothing resumes is a misprint, not a quote
        new = [Passage(offset + start, offset + end, index, closed, open_len, close_len)
               for start, end, closed, open_len, close_len in pair_quotes(text)]
        if new and previous is not None and previous.continues and new[0].start == offset:
            new[0].continued = True
        passages.extend(new)
    if passages and not passages[-1].closed and not passages[-1].continues:
        passages.pop()
    return passages


def mask_quotes(body, passages):
    """The body with the words inside quote marks replaced by filler of the same length.

    The last character of a passage survives, so that a sentence ending inside the marks still ends
    ("... over.”") and a comma before the closing mark still shows an attribution follows.
    """
    pieces, at = [], 0
    for p in passages:
        inner_start, inner_end = p.start + p.open_len, p.end - p.close_len if p.closed else p.end
        if inner_end - inner_start < 1:
            continue
        pieces.append(body[at:inner_start])
        pieces.append(FILLER * (inner_end - inner_start - 1))
        pieces.append(body[inner_end - 1:inner_end])
        at = inner_end
    pieces.append(body[at:])
    return "".join(pieces)


def _is_abbreviation(text, dot):
    start = dot
    while start > 0 and not text[start - 1].isspace() and dot - start < 12:
        start -= 1
    word = text[start:dot].lstrip("(\u201c\"'")
    if len(word) == 1 and word.isupper():
        return True  # an initial: "George W. Bush"
    if "." in word and word.replace(".", "").isalpha() and word.replace(".", "").isupper():
        return True  # "U.S.", "D.C."
    return word.lower() in _ABBREVIATIONS


def sentences(text, start, end):
    """(start, end) of each sentence of text[start:end]; run it on masked text so quotes stay whole."""
    spans, at = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        if text[m.start()] == "." and _is_abbreviation(text, m.start()):
            continue
        spans.append((at, m.end()))
        at = m.end()
    if at < end:
        spans.append((at, end))
    return spans


def locate_words(body, words, *, near=0):
    """Returns the (start, end) span of `words` in `body`, or None when they are not there.

    Any run of white space matches any other, since editors retype line breaks and double
    spaces as one space. Of several occurrences the one nearest `near` wins: an editor who
    trims a quote means the occurrence they were looking at.
    """
    tokens = words.split()
    if not tokens:
        return None
    pattern = re.compile(r"\s+".join(re.escape(token) for token in tokens))
    spans = [match.span() for match in pattern.finditer(body)]
    if not spans:
        return None
    return min(spans, key=lambda span: abs(span[0] - near))


def words_key(text):
    """The words alone, case-folded: quote marks, punctuation and spacing do not count. Two printings
    of one quotation share it (a paragraph printed twice, the same words in another outlet)."""
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", text or "").casefold()))
