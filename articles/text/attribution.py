"""Where a statement's attribution is printed: speech verbs around quotes and in reported speech.

Every function here reads the masked body (quoted words replaced by filler, see spans.mask_quotes),
so a speech verb inside a quotation never counts as an attribution, and each looks at most a few
hundred characters around a quote or inside one sentence.
"""
import re
from dataclasses import dataclass

from articles.text import names
from articles.text.lexicon import word_pattern, words

_CLAUSE_VERBS = words("""
said says say told tells tell added adds noted notes argued argues explained explains wrote writes stated
declared declares announced announces insisted insists claimed claims warned warns stressed stresses emphasized
emphasised acknowledged acknowledges admitted admits asserted asserts contended contends maintained maintains
predicted predicts promised promises pledged vowed suggested suggests conceded concedes confirmed tweeted
reported indicated revealed signaled signalled recalled recalls replied responded countered complained
cautioned reiterated agreed testified observed boasted alleged charged recounted
""")
_QUOTE_ONLY_VERBS = words("asked asks continued continues joked quipped shouted wondered posted remarked concluded")
_PARTICIPLES = words("""
saying adding noting arguing explaining telling insisting warning stressing claiming writing declaring
suggesting asserting acknowledging admitting contending predicting promising recalling asking calling
tweeting emphasizing emphasising announcing
""")
CLAUSE_CUE = re.compile(rf"\b{word_pattern(_CLAUSE_VERBS)}\b")
QUOTE_CUE = re.compile(rf"\b{word_pattern(_CLAUSE_VERBS | _QUOTE_ONLY_VERBS)}\b")
PARTICIPLE_CUE = re.compile(rf",\s+{word_pattern(_PARTICIPLES)}\b")
_PARTICIPLE_BEFORE = re.compile(rf",\s+({word_pattern(_PARTICIPLES)})\s*[:,]?\s*$")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_AUX = words("""
has have had also later previously then once again repeatedly recently further earlier
reportedly publicly privately initially first simply
""")
_CONTRACTED = words("he's she's it's")
_PASSIVE = words("""
is was are were be been being it
""")
_NEGATION = re.compile(r"\b(?:not|never|n't|didn’t|didn't|doesn't|doesn’t|won't|won’t)\s*$")
_SENTENCE_BREAK = re.compile(r"[.?!][\u201d\"’)]*\s+[A-Z\u201c\"]")
_RELAY = re.compile(r",?\s*(?:per|according to|citing|in an interview with|quoted by)\s+")
_REPORTED_BY = re.compile(r",\s*([A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})\s+reported\b")
_WINDOW = 300
_SAID_FIRST = re.compile(r"\s*(?:Said|Says|Added|Wrote)\s+")
_LEAD = re.compile(r"[\s,\u2014\u2013-]*")
_AUDIENCE_BEFORE_THAT = re.compile(r"\s*([^,.;:\u201c\u201d\"]{1,80}?)\s+that\s")
_TRAILING_WHEN = re.compile(
    r"(?:\s+(?:on|last|this|late|early|in)\s+(?:\w+)|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|today|yesterday|tonight))$")


@dataclass
class Attribution:
    """A speaker phrase with its cue, audience and relay, found at pos in the body."""
    phrase: names.Phrase
    cue: str
    pos: int
    audience: str = ""
    via: str = ""
    confidence: float = 0.8
    cue_span: tuple = ()


def strip_aux(text):
    """Drop the auxiliaries and adverbs between a subject and its verb ("Li has also said")."""
    words = text.rstrip().split(" ")
    while words and (words[-1].lower() in _AUX or (words[-1].endswith("ly") and words[-1].islower())):
        words.pop()
    if words and words[-1].lower().replace("’", "'") in _CONTRACTED:
        words[-1] = words[-1][:-2]  # "He's said": the subject is "He"
    return " ".join(words)


def _audience(text):
    """(audience, length) for the object of "told": "the Washington Examiner", "reporters"."""
    before_that = _AUDIENCE_BEFORE_THAT.match(text)
    if before_that:
        audience = _TRAILING_WHEN.sub("", before_that.group(1))
        return audience, before_that.start(1) + len(audience)
    m = re.match(r"\s*((?:the\s+|a\s+|an\s+)?[\w’'.&-]+(?:\s+[A-Z][\w’'.&-]*){0,5})", text)
    if not m:
        return "", 0
    audience = m.group(1)
    if audience.split()[0].lower() in ("that", "him", "her", "them", "me", "us", "it"):
        return (audience.split()[0], len(m.group(0).split()[0]) + 1) if audience.split()[0] != "that" else ("", 0)
    return audience.rstrip("."), m.end()


def _relay(text):
    """The outlet a statement was relayed by, printed after the attribution ("per Xinhua")."""
    m = _RELAY.match(text)
    if m:
        phrase, _ = names.parse_after(text[m.end():])
        if phrase is not None and phrase.kind == "organisation":
            return phrase.name
    m = _REPORTED_BY.match(text)
    if m and names.is_outlet(m.group(1)):
        return m.group(1)
    return ""


def _finish(phrase, cue_match, masked, pos, limit):
    """Attribution with audience and relay read after the cue."""
    cue = cue_match.group().strip(", ")
    after = masked[cue_match.end():min(limit, cue_match.end() + _WINDOW)]
    audience = ""
    if cue in ("told", "tells", "telling"):
        audience, length = _audience(after)
        after = after[length:]
    audience = " ".join(audience.split())
    return Attribution(phrase, cue, pos, audience, _relay(after), cue_span=(cue_match.start(), cue_match.end()))


def after_quote(masked, end, limit):
    """Attribution printed right after a quote ending at end: ', Smith said' or ', said Smith'."""
    limit = min(limit, end + _WINDOW)
    lead = _LEAD.match(masked, end, limit).end()
    inverted = QUOTE_CUE.match(masked, lead, limit)
    if inverted:
        phrase, _ = names.parse_source(masked[inverted.end():limit], determined=True)
        if phrase is None or phrase.kind == "pronoun" and phrase.name not in ("he", "she"):
            return None
        return _finish(phrase, inverted, masked, inverted.end(), limit)
    cue = QUOTE_CUE.search(masked, lead, limit)
    if cue is None:
        return None
    pre = masked[lead:cue.start()]
    if not pre.strip() or len(pre) > 250 or any(c in pre for c in "\u201c\u201d\"") or _crosses_sentence(pre):
        return None
    if pre[:1].isupper() and not masked[end:lead].strip() and masked[end - 2:end - 1] == ".":
        return None  # a new sentence after a quote that ended with a full stop
    if _NEGATION.search(pre):
        return None
    phrase = names.parse_before(strip_aux(pre))
    if phrase is None or phrase.start > 1 or phrase.leftover or len(pre.split()) > 30:
        return None
    return _finish(phrase, cue, masked, lead, limit)


def _crosses_sentence(text):
    """True when text holds a sentence end ("... over. Then"), not just an abbreviation ("Mr. Hedge")."""
    for m in _SENTENCE_BREAK.finditer(text):
        word = text[:m.start()].rsplit(None, 1)[-1] if text[:m.start()].strip() else ""
        if text[m.start()] != "." or not names.is_abbreviation(word + "."):
            return True
    return False


def before_quote(masked, sentence_start, start):
    """Attribution printed before a quote starting at start: 'Smith said:' or 'Smith told reporters,'."""
    window_start = max(sentence_start, start - _WINDOW)
    pre = masked[window_start:start]
    inverted = _SAID_FIRST.match(masked, sentence_start, start)
    if inverted:  # "Said Dorothy Poynter, who grew up with him, “...”"
        phrase, _ = names.parse_after(masked[inverted.end():start])
        return _finish(phrase, inverted, masked, inverted.end(), start) if phrase is not None else None
    cues = list(QUOTE_CUE.finditer(masked, window_start, start))
    if not cues or _PARTICIPLE_BEFORE.search(pre):
        return _participle_intro(masked, sentence_start, start, pre) or _colon_intro(masked, window_start, pre)
    cue = cues[-1]
    if not _tail_ok(cue.group(), masked[cue.end():start]):
        return None
    subject = masked[window_start:cue.start()]
    if _NEGATION.search(subject):
        return None
    phrase = names.parse_before(strip_aux(subject))
    if phrase is None:
        return None
    return _finish(phrase, cue, masked, cue.start(), start)


_TIME_OR_MEDIUM = re.compile(
    r"(?:\s+(?:on|in|at|during|this|last|late|early|earlier|later|after|before|via|to|from|of|an?|the|"
    r"today|yesterday|statement|interview|speech|morning|afternoon|evening|night|week|month|year|told|"
    r"reporters|press|conference|briefing|email|[a-z]+ly|[A-Z][\w’'.-]*)\b)*")


_PLACE_AND_TIME = re.compile(r"\s+(?:in|on|at|during|before|after|from)\s[^,.;:]{1,80},\s*")


def _tail_ok(cue, tail):
    """True when only an audience, a time or a medium stands between the speech verb and the quote."""
    if cue in ("told", "tells", "asked", "asks"):
        tail = tail[_audience(tail)[1]:]
    if tail.rstrip().endswith(":") and len(tail) < 150:
        return True
    m = _TIME_OR_MEDIUM.match(tail)
    rest = tail[m.end():] if m else tail
    return re.fullmatch(r"\s*(?:,|that)?\s*", rest) is not None or _PLACE_AND_TIME.fullmatch(tail) is not None


def _participle_intro(masked, sentence_start, start, pre):
    """'Smith defended the plan, saying: “...”': the sentence's subject speaks."""
    m = _PARTICIPLE_BEFORE.search(pre)
    if m is None:
        return None
    phrase = names.parse_opening(masked[sentence_start:start])
    if phrase is None:
        return None
    return Attribution(phrase, m.group(1), sentence_start, confidence=0.75)


def _colon_intro(masked, window_start, pre):
    """'The senator was blunt: “...”' gives the sentence's subject as speaker, with less confidence."""
    if not pre.rstrip().endswith(":"):
        return None
    phrase, _ = names.parse_after(pre.lstrip())
    if phrase is None or phrase.kind not in ("person", "surname", "pronoun") or phrase.name in ("it", "they"):
        return None
    colon = window_start + pre.rstrip().rfind(":")
    return Attribution(phrase, ":", window_start + len(pre) - len(pre.lstrip()), confidence=0.6,
                       cue_span=(colon, colon + 1))
