"""Reported speech inside one sentence: 'X said (that) ...', '..., X said.', 'according to X', ', saying ...'.

Each rule returns the attribution and the character span of the reported clause; the first rule
that holds wins, so a sentence gives at most one statement.
"""
import re

from articles.text import names
from articles.text.attribution import (
    _ACCORDING,
    _NEGATION,
    _PASSIVE,
    CLAUSE_CUE,
    PARTICIPLE_CUE,
    Attribution,
    _audience,
    _finish,
    _relay,
    strip_aux,
)
from articles.text.lexicon import words

_CONJUNCTIONS = words("""
and but while as so yet then where because though although when since now however meanwhile instead still
also
""")
_OBJECT_MAKERS = words("what which that who whom whose than as how where why")
_THAT = re.compile(r"\s*(?:,\s*)?that\s+")
_TRAILER = re.compile(r",\s*(?:per|according to|citing)\s+[^,]{2,80}$|[\s.?!\u201d\"’]+$")
_SHORT_TAIL = re.compile(r"^(?:\s+[\w’'.&-]+){0,8}\s*[.?!]?[\u201d\"]?\s*$")
_MIN_WORDS = 3
_ADVERBIAL = re.compile(
    r"\s*(?:(?:on|in|at|during|last|this|late|early|after|before|via|from|earlier|later|again|also|then|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|publicly|privately)\b"
    r"[^,;:.]{0,40})?")
_TRAILING_RELAY = re.compile(
    r",\s+((?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,5})\s+report(?:ed|s)\s*[.!?]?[\u201d\"]?\s*$")
# Verbs whose reported clause may follow without "that"; the others take a noun too ("noted her years").
_THAT_OPTIONAL = re.compile(r"(?:said|says|say|told|tells|added|adds|wrote|writes|tweeted|insisted|insists|claimed|"
                            r"claims|argued|argues|warned|warns|predicted|predicts|stressed|suggested|suggests)$")
_TO_VERBS = re.compile(r"(?:promised|promises|pledged|vowed)$")
_AFTER_MID_CUE = re.compile(r"[^,]{0,30},\s")
_AS_NOTED = re.compile(rf"\b[Aa]s\s+([^,]{{1,60}}?)\s+({CLAUSE_CUE.pattern})[^,]{{0,30}},\s+")
_ADVERBIAL_TAIL = re.compile(_ADVERBIAL.pattern + r"\s*[.?!]?[\u201d\"’']*\s*")
_ANY_CUE = re.compile(rf"{CLAUSE_CUE.pattern}|{PARTICIPLE_CUE.pattern}|{_ACCORDING.pattern}")


def _clause_end(masked, start, end):
    """End of a reported clause: the sentence end, without closing punctuation or a trailing relay."""
    m = _TRAILER.search(masked, max(start, end - 120), end)  # the trailer is anchored at the end
    return m.start() if m else end


def _valid_clause(masked, start, end):
    """Three words or more, and not just where or when it was said ("in a video message")."""
    text = masked[start:min(end, start + 100)]
    if len(text.split()) < _MIN_WORDS or text.lstrip().startswith((",", ":", ";")):
        return False
    return end - start > 60 or not _ADVERBIAL.fullmatch(masked, start, end)


def _subject(masked, s_start, cue):
    """The phrase before the verb, or the sentence's opening one for "X did this and said ..."."""
    pre = masked[s_start:cue.start()]
    words = pre.split()
    if not words or words[-1].lower() in _PASSIVE or _NEGATION.search(pre):
        return None
    pre = strip_aux(pre)
    if pre.endswith((", who", " who")) and len(words) > 1:
        # "Juanita Broaddrick, who said ...": the relative clause's antecedent speaks
        phrase = names.parse_before(pre[:-4].rstrip(" ,"))
        return phrase if phrase is not None and phrase.kind in ("person", "surname", "label") else None
    if pre.endswith((" and", " but")):  # "She brought the debt down, but said ...": the sentence's subject
        phrase = names.parse_opening(pre)
        return phrase if phrase is not None and phrase.kind != "label" else None
    phrase = names.parse_before(pre)
    if phrase is None or not _opens_clause(phrase) or phrase.name in ("i", "we", "you"):
        return None
    return phrase


def subject_verb(masked, s_start, s_end):
    """'X said (that) CLAUSE' and 'X told Y (that) CLAUSE'."""
    for cue in CLAUSE_CUE.finditer(masked, s_start, min(s_end, s_start + 300)):
        phrase = _subject(masked, s_start, cue)
        if phrase is None:
            continue
        attribution = _finish(phrase, cue, masked, s_start + phrase.start, s_end)
        start = cue.end()
        if attribution.audience:
            _, length = _audience(masked[start:min(s_end, start + 200)])
            start += length
        that = _THAT.match(masked, start, s_end)
        if that:
            start = that.end()
        else:
            start = _skip_adverbial(masked, start, s_end)
            if start == cue.end() and not _needs_no_that(cue.group(), masked, start):
                continue
        end = _clause_end(masked, start, s_end)
        if masked[s_start:cue.start()].rstrip().endswith(" who"):
            comma = masked.find(",", start, end)
            end = comma if comma > 0 else end  # the relative clause ends where the main one resumes
        if _valid_clause(masked, start, end):
            return attribution, start + len(masked[start:end]) - len(masked[start:end].lstrip()), end
    return None


def _needs_no_that(verb, masked, start):
    return _THAT_OPTIONAL.match(verb) or (_TO_VERBS.match(verb) and masked.startswith(" to ", start))


def _skip_adverbial(masked, start, end):
    """Past 'on Tuesday that' / 'in a statement that' when a "that" follows within a few words."""
    window = masked[start:min(end, start + 60)]
    m = re.search(r"\sthat\s", window)
    if m and _ADVERBIAL.fullmatch(window[:m.start()]):
        return start + m.end()
    return start


def _opens_clause(phrase):
    """The phrase is the verb's subject: nothing but a conjunction before it, or, for a pronoun or a
    name, anything but a word that makes it an object ("what he said", "the plan that Li said")."""
    if len(phrase.leftover) <= 1 and all(w.lower() in _CONJUNCTIONS for w in phrase.leftover):
        return True
    return phrase.kind in ("pronoun", "person", "surname") and phrase.leftover[-1].lower() not in _OBJECT_MAKERS


def sentence_final(masked, s_start, s_end):
    """'CLAUSE, X said.' and 'CLAUSE, said X.': the attribution closes the sentence."""
    cues = list(CLAUSE_CUE.finditer(masked, s_start, s_end))
    if not cues:
        return None
    cue = cues[-1]
    before = masked[s_start:cue.start()]
    if before.rstrip().endswith(","):
        phrase, used = names.parse_after(masked[cue.end():s_end])
        if phrase is None or not _SHORT_TAIL.match(masked[cue.end() + used:s_end]):
            return None
        clause_end = s_start + len(before.rstrip()) - 1
        return Attribution(phrase, cue.group(), cue.end(), _relay(masked[cue.end() + used:s_end])), s_start, clause_end
    tail_start = cue.end()
    if cue.group() in ("told", "tells"):
        tail_start += _audience(masked[tail_start:s_end])[1]
    if not _ADVERBIAL_TAIL.fullmatch(masked, tail_start, s_end) or _NEGATION.search(before):
        return None  # only where or when may follow the verb: "..., Lew acknowledged the limits." is no attribution
    phrase = names.parse_before(strip_aux(before))
    if phrase is None or phrase.start == 0 or phrase.leftover:
        return None
    clause_end = s_start + phrase.start - 1
    if not _valid_clause(masked, s_start, clause_end):
        return None
    return _finish(phrase, cue, masked, s_start + phrase.start, s_end), s_start, clause_end


def parenthetical(masked, s_start, s_end):
    """'CLAUSE, he said, and CLAUSE.': an attribution set inside the sentence it reports."""
    for cue in CLAUSE_CUE.finditer(masked, s_start, s_end):
        comma = masked.rfind(",", max(s_start, cue.start() - 62), cue.start())
        if comma - s_start < 2 or not _AFTER_MID_CUE.match(masked, cue.end(), s_end):
            continue
        phrase = names.parse_before(masked[comma + 1:cue.start()])
        if phrase is not None and not phrase.leftover and phrase.start <= 1:
            attribution = Attribution(phrase, cue.group(), comma + 1, confidence=0.7)
            return attribution, s_start, _clause_end(masked, s_start, s_end)
    return None


def as_noted(masked, s_start, s_end):
    """'As Clyburn noted, CLAUSE.': the attribution leads the sentence in an "as" clause."""
    m = _AS_NOTED.search(masked, s_start, min(s_end, s_start + 200))
    if m is None:
        return None
    phrase = names.parse_before(m.group(1))
    if phrase is None or phrase.leftover:
        return None
    start = m.end()
    return Attribution(phrase, m.group(2), m.start(1), confidence=0.7), start, _clause_end(masked, start, s_end)


def according_to(masked, s_start, s_end):
    """'CLAUSE, according to X.' and 'According to X, CLAUSE.'"""
    m = _ACCORDING.search(masked, s_start, s_end)
    if m is None:
        return None
    phrase, used = names.parse_source(masked[m.end():s_end])
    if phrase is None:
        return None
    attribution = Attribution(phrase, "according to", m.end(), confidence=0.6, cue_span=(m.start(), m.end()))
    if m.start() - s_start < 3:
        start = m.end() + used
        while start < s_end and masked[start] in ", ":
            start += 1
        return attribution, start, _clause_end(masked, start, s_end)
    return attribution, s_start, s_start + len(masked[s_start:m.start()].rstrip(" ,"))


def participle(masked, s_start, s_end):
    """'X expressed support, saying CLAUSE': the sentence's subject is the speaker."""
    m = PARTICIPLE_CUE.search(masked, s_start, s_end)
    if m is None:
        return None
    phrase = names.parse_opening(masked[s_start:m.start()])
    if phrase is None:
        return None
    start = m.end()
    that = _THAT.match(masked, start, s_end)
    if that:
        start = that.end()
    end = _clause_end(masked, start, s_end)
    if not _valid_clause(masked, start, end):
        return None
    cue = m.group().lstrip(", ")
    return Attribution(phrase, cue, s_start, confidence=0.6), start, end


RULES = (subject_verb, sentence_final, parenthetical, as_noted, according_to, participle)


def reported(masked, s_start, s_end):
    """(attribution, clause start, clause end) for the sentence's reported speech, or None."""
    if not _ANY_CUE.search(masked, s_start, s_end):
        return None
    relay = _TRAILING_RELAY.search(masked, s_start, s_end)
    if relay and names.is_outlet(relay.group(1)):
        # "Kovač promised to ..., the Northern Chronicle reported.": the outlet relays another speaker.
        found = _first_rule(masked, s_start, relay.start())
        if found is not None:
            found[0].via = relay.group(1).removeprefix("the ")
            return found
    return _first_rule(masked, s_start, s_end)


def _first_rule(masked, s_start, s_end):
    for rule in RULES:
        found = rule(masked, s_start, s_end)
        if found is not None:
            return found
    return None
