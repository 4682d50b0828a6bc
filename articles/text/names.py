"""Reading the noun phrase that names a speaker: name, title, role, organisation, apposition.

`parse_before` reads the phrase that ends just before a speech verb ("Chinese Foreign Ministry
spokeswoman Mao Ning", "Lin, the CSIS expert,", "a former senior Pentagon official", "she");
`parse_after` reads one that starts just after it ("said Lin, the CSIS expert."). Both return a
`Phrase` saying whether it is a full name, a surname to resolve, a pronoun, an organisation or a
label for an unnamed source. They read a bounded window, so their cost does not grow with the text.
"""
import re
from dataclasses import dataclass, field
from functools import lru_cache

from articles.text.lexicon import (
    BODY_HEADS,
    COUNTRIES,
    DETERMINERS,
    GENDERED,
    HONORIFICS,
    LABEL_HEADS,
    NOT_NAMES,
    OPENERS,
    ORG_HEADS,
    OUTLET_HEADS,
    OUTLETS,
    PLACE_WORDS,
    ROLE_NOUNS,
    SUBJECT_PRONOUNS,
    TITLES,
    words,
)

_TOKEN = re.compile(r"[^\W_][\w'’.&-]*|\(")
_PARTICLES = words("""
al el bin ibn van von de da di du le la del della der den ten ter dos das y bin
""")
_CONNECTORS = words("""
of for and the on de
""")
_FUNCTION = words("""
the a an of and or but with by for to in on at from as like than that this these those who which said told
says say is was are were be been has have had will would could should may might not also when while after
before since during about against between into over under among amid via per its their his her our my your
""")
_CLAUSE_CUT = re.compile(
    r",|;|:|\.(?:\s|$)|\s(?:who|which|that|in|on|at|during|when|after|before|last|this|as|with|to|and(?=\s+[a-z])"
    r"|from|while|because|if|but|by|seen|familiar|close|briefed|involved|speaking)\s")
_WINDOW = 300
_ROLE_SUFFIXES = ("ian", "ist", "man", "woman", "person", "er", "or", "ant", "eer")
_NOT_ROLES = words("""
never ever other whether rather however later over under after together either neither another further
corner border order water weather number matter letter paper center centre sector factor major minor
error mirror summer winter october november december september quarter chamber
dinner power tower poster hour sooner longer clever
""")
# Words before a name that make it an institution: "the National Utilities Regulator".
_QUANTITIES = words("percent per cent half third quarter most many some all majority minority number share dozens "
                    "hundreds thousands millions none few two-thirds each one several")
_NUMBER_WORDS = words("one two three four five six seven eight nine ten")
_APPROXIMATELY = words("almost about nearly just roughly some only fully more than less over under around")
_INSTITUTIONAL = words("national international federal global world royal united european central")
# Lower-case nouns before a name that make the name an organisation's: "the consumer group Tapwatch".
_BODY_BEFORE_NAME = words("""
group company firm charity union organisation organization association network agency party campaign bank
startup retailer airline broadcaster newspaper
""")
_OPENING_WORDS = ROLE_NOUNS | LABEL_HEADS | DETERMINERS | words("of for and de al bin")


@dataclass
class Phrase:
    """A speaker as printed. kind: person | surname | pronoun | organisation | label."""
    kind: str
    name: str
    role: str = ""
    organisation: str = ""
    description: str = ""
    gender: str = ""
    extra_roles: list = field(default_factory=list)
    used: int = 0                                  # words of the chunk read that the phrase takes
    leftover: list = field(default_factory=list)  # words before the phrase in the chunk read
    start: int = 0                                 # where the phrase's chunk starts in the text read


def _clean(token):
    if token.endswith(".") and not is_abbreviation(token):
        token = token[:-1]
    return token


@lru_cache(maxsize=1 << 16)
def is_abbreviation(token):
    bare = token.rstrip(".").lower()
    return (len(bare) == 1 and bare.isalpha()) or bare in TITLES or bare in HONORIFICS or bare in ("jr", "sr", "u.s")


@lru_cache(maxsize=1 << 16)
def _bare(token):
    return token.rstrip(".").lower()


def _possessive(token):
    return token.endswith(("’s", "'s", "s’", "s'"))


def _strip_possessive(token):
    return token[:-2] if token.endswith(("’s", "'s")) else token


@lru_cache(maxsize=1 << 16)
def is_title(token):
    return any(part in TITLES or part in HONORIFICS for part in _bare(token).split("-"))


@lru_cache(maxsize=1 << 16)
def is_honorific(token):
    return _bare(token) in HONORIFICS


@lru_cache(maxsize=1 << 16)
def _is_acronym(token):
    bare = token.rstrip(".").replace(".", "").replace("&", "")
    return len(bare) >= 2 and bare.isupper() and bare.isalpha()


@lru_cache(maxsize=1 << 16)
def is_name_token(token):
    low = _bare(_strip_possessive(token))
    if low in _PARTICLES:
        return True
    if not token[:1].isupper() or low in NOT_NAMES or low in ORG_HEADS or low in OUTLET_HEADS:
        return False
    return not is_title(token) and not (_is_acronym(token) and len(token) > 2 and "." not in token)


def looks_like_organisation(words):
    """True for "Chinese Foreign Ministry", "CSIS", "China", "Washington Examiner"."""
    return _organisation_words(tuple(words))


@lru_cache(maxsize=1 << 14)
def _organisation_words(words):
    text = " ".join(words)
    low = text.lower()
    last = _bare(words[-1]) if words else ""
    return (low in COUNTRIES or low.removeprefix("the ") in OUTLETS or last in ORG_HEADS or last in OUTLET_HEADS
            or any(_is_acronym(w) or _bare(w) in ORG_HEADS for w in words))


def is_outlet(text):
    text = text.removeprefix("the ").removeprefix("The ")
    words = text.split()
    low = text.lower()
    if not words or not words[0][:1].isupper():
        return False
    last = _bare(words[-1])
    return low in OUTLETS or last in OUTLET_HEADS or (last == "agency" and ("press" in low or "news" in low))


def is_place(words):
    low = " ".join(words).lower()
    return low in COUNTRIES or any(_bare(w) in PLACE_WORDS for w in words)


def gender_of(words):
    for word in words:
        g = HONORIFICS.get(_bare(word)) or GENDERED.get(_bare(word))
        if g:
            return g
    return ""


def _capital_run_start(tokens, end):
    """Index where the run of capitalised words (with inner "of"/"for"/"and") ending at end-1 starts.

    A singular possessive ends a run ("Iran’s House"); a plural one stays inside ("Teachers’ Union").
    """
    j = end - 1
    while j > 0:
        prev = tokens[j - 1]
        capital = prev[:1].isupper() and not prev.endswith(("’s", "'s"))
        joined = prev.lower() in _CONNECTORS and j > 1 and tokens[j - 2][:1].isupper() \
            and not _possessive(tokens[j - 2])
        if not (capital or joined):
            break
        j -= 1
    return j


def _lower_role(tokens, end):
    """Start of the lower-case role words ("senior fellow") ending at end-1, or end when there are none."""
    j = end
    while j > 0 and end - j < 5:
        word = tokens[j - 1]
        if not word[:1].islower() or word.lower() in _FUNCTION or _possessive(word):
            break
        j -= 1
    if j < end and not is_role_noun(tokens[end - 1]):
        return end
    return j


def is_listed_role(word):
    return _bare(word) in ROLE_NOUNS


@lru_cache(maxsize=1 << 14)
def is_role_noun(word):
    """"librarian", "campaigner", "businessman": a noun naming what a person does."""
    low = _bare(word)
    return low in ROLE_NOUNS or (low.endswith(_ROLE_SUFFIXES) and low not in _NOT_ROLES and len(low) > 4)


def _title_surname(tokens, run_start):
    """A surname that is also a title after a first name: "Peter T. King", "Rep. John King"."""
    return len(tokens) - run_start > 1 and is_title(tokens[-1]) and is_name_token(tokens[-2]) \
        and tokens[-1][:1].isupper() and _bare(tokens[-1]) not in HONORIFICS


def _person(tokens, run_start):
    """Phrase for tokens ending in a name: [organisation] [role words] [titles] Name."""
    end = len(tokens)
    k = end - 1 if _title_surname(tokens, run_start) else end
    while k > run_start and end - k < 4 and is_name_token(tokens[k - 1]):
        k -= 1
    if k < end and tokens[k][:1].islower():
        k += 1  # a particle cannot open a name
    if end - k > 2 and is_listed_role(tokens[k]):
        k += 1  # "Pilot Jonas Weber" opening a sentence: the capital is the sentence's, not the name's
    name_words = [_strip_possessive(t) for t in tokens[k:]]
    if not name_words:
        return None
    if (k > run_start and _bare(tokens[k - 1]) in _INSTITUTIONAL) or (
            k == run_start and run_start and _bare(tokens[run_start - 1]) in _BODY_BEFORE_NAME):
        return Phrase("organisation", " ".join(tokens[k - (k > run_start):]), used=len(tokens) - k + 1)
    t = k
    while t > run_start and (is_title(tokens[t - 1]) or (
            tokens[t - 1].lower() in ("of", "for") and t - 1 > run_start and is_title(tokens[t - 2]))):
        t -= 1
    titles = [w for w in tokens[t:k] if _bare(w) not in HONORIFICS]
    prefix = tokens[run_start:t]
    while prefix and (_bare(prefix[0]) in OPENERS or prefix[0] in _CONNECTORS):
        prefix = prefix[1:]  # "in early November and Chinese Premier Li Qiang": the date is no title
    role_start = _lower_role(tokens, run_start) if run_start == t else run_start
    role_words = tokens[role_start:run_start] + titles
    first = run_start if role_start == run_start else role_start
    if role_start < run_start:
        prefix = tokens[_capital_run_start(tokens, role_start):role_start] if role_start else []
        first -= len(prefix)
        while first > 0 and prefix and tokens[first - 1][:1].islower() and _bare(tokens[first - 1]) not in _FUNCTION \
                and not _possessive(tokens[first - 1]) and first > role_start - len(prefix) - 3:
            first -= 1  # "super PAC spokeswoman Kellyanne Conway": modifiers of the organisation
            prefix = [tokens[first]] + prefix
    org = " ".join(prefix) if prefix and looks_like_organisation(prefix) else ""
    if len(name_words) > 1 and (is_place(name_words) or looks_like_organisation(name_words)):
        return None
    role = " ".join(role_words)
    described = " ".join(prefix + role_words) if role_words else ""
    kind = "person" if len(name_words) > 1 else "surname"
    return Phrase(kind, " ".join(name_words), role, org, described, gender_of(tokens[t:k] + role_words),
                  used=len(tokens) - first)


def _label_or_body(tokens):
    """Phrase for tokens ending in a lower-case head noun: "a former senior Pentagon official"."""
    head = _bare(tokens[-1])
    if head[:1].isdigit() or head in ("percent", "%"):
        return _share_of_people(tokens)
    j = len(tokens) - 1
    while j > 0 and _modifier(tokens[j - 1]) and len(tokens) - j < 7:
        j -= 1
    determined = j > 0 and _bare(tokens[j - 1]) in DETERMINERS
    if head not in LABEL_HEADS and not head.endswith("-year-old") and not (determined and is_role_noun(head)) \
            and not (head.endswith("s") and is_role_noun(head[:-1])):
        return None
    j -= determined
    words = tokens[j:]
    modifiers = [w for w in words[:-1] if w[:1].isupper()]
    if j > 1 and tokens[j - 1].lower() == "of" and _bare(tokens[j - 2]) in _QUANTITIES:
        j -= 2  # "28 percent of voters", "almost half of respondents"
        while j > 0 and (tokens[j - 1][:1].isdigit() or _bare(tokens[j - 1]) in _APPROXIMATELY | DETERMINERS):
            j -= 1
        words = tokens[j:]
    if head in BODY_HEADS and modifiers and _bare(words[0]) in ("the", *(w.lower() for w in modifiers)):
        return Phrase("organisation", " ".join(words[1:] if words[0].lower() == "the" else words),
                      used=len(words))
    return Phrase("label", " ".join(words), gender=gender_of(words[-1:]), used=len(words))


def _share_of_people(tokens):
    """"six in 10", "32 percent", "About three in 10": a poll's share of respondents, as a label."""
    j = len(tokens) - 1
    if _bare(tokens[j]) in ("percent", "%"):
        j -= 1
    elif j >= 2 and tokens[j - 1].lower() == "in":
        j -= 2
    if j < 0 or not (tokens[j][:1].isdigit() or _bare(tokens[j]) in _NUMBER_WORDS):
        return None
    if j > 0 and _bare(tokens[j - 1]) in _APPROXIMATELY:
        j -= 1
    return Phrase("label", " ".join(tokens[j:]), used=len(tokens) - j)


def _label_for(tokens, run_start):
    """"a spokesman for the Jupiter Police Department": a label head before "for/of/at [the] Organisation"."""
    j = run_start - 1 if run_start and tokens[run_start - 1].lower() == "the" else run_start
    if j < 2 or tokens[j - 1].lower() not in ("for", "of", "at", "with", "from"):
        return None
    head = _label_or_body(tokens[:j - 1])
    if head is None or head.kind != "label":
        return None
    words = head.name.split() + tokens[j - 1:]
    return Phrase("label", " ".join(words), gender=head.gender, used=len(words))


def _modifier(word):
    """A word that may stand before a label's head: "former", "senior", "Pentagon", "Mrs. Clinton's"."""
    low = _bare(word)
    return low not in _FUNCTION and low not in DETERMINERS and low not in SUBJECT_PRONOUNS and (
        word[:1].isupper() or not _possessive(word))


def parse_tail(chunk):
    """Phrase for the noun phrase that ends chunk, or None when it ends in something else."""
    chunk = chunk[chunk.rfind(",") + 1:]
    tokens = [_clean(t) for t in _TOKEN.findall(chunk)[-16:]]
    tokens = [t for t in tokens if t and t != "("]
    if not tokens:
        return None
    phrase = _parse_tokens(tokens)
    if phrase is not None:
        phrase.leftover = tokens[:max(0, len(tokens) - phrase.used)]
    return phrase


def _parse_tokens(tokens):
    """Phrase for the tokens' final noun phrase."""
    last = tokens[-1]
    low = _bare(last)
    if low in SUBJECT_PRONOUNS:
        return Phrase("pronoun", low, gender=SUBJECT_PRONOUNS[low], used=1)
    if _possessive(last):
        return None
    if low in LABEL_HEADS or low[:1].isdigit() or low in ("percent", "%"):
        return _label_or_body(tokens)  # "veteran Republicans", "six in 10", "32 percent"
    if last[:1].isupper():
        run_start = _capital_run_start(tokens, len(tokens))
        run = tokens[run_start:]
        if looks_like_organisation(run) or not (is_name_token(last) or _title_surname(tokens, run_start)):
            words = run[1:] if run[0].lower() == "the" else run
            if not words:
                return None
            label = _label_for(tokens, run_start)
            if label is not None:
                return label
            if _bare(words[-1]) in TITLES:
                first = max(0, run_start - 1)
                return Phrase("label", " ".join(tokens[first:]).lower(), gender=gender_of(words),
                              used=len(tokens) - first)
            return Phrase("organisation", " ".join(words), used=len(run))
        return _person(tokens, run_start) or _person_of_place(tokens, run_start)
    return _label_or_body(tokens)


def _person_of_place(tokens, run_start):
    """"Representative Peter T. King of New York": the person before "of", not the place after it."""
    lowered = [t.lower() for t in tokens[run_start:]]
    if "of" not in lowered:
        return None
    cut = run_start + len(lowered) - 1 - lowered[::-1].index("of")
    phrase = _person(tokens[:cut], run_start) if cut > run_start else None
    if phrase is not None:
        phrase.used = len(tokens) - (cut - phrase.used)
    return phrase


def parse_before(segment):
    """The speaker phrase ending segment (the words before a speech verb), past its appositions.

    "Lin, the CSIS expert," / "Ki Hong, 33," / "Smith, who attended the rally," end in appositions:
    they are peeled off from the right until a piece that ends in a noun phrase is left.
    """
    segment = _PARENTHESES.sub(lambda m: " " * len(m.group()), segment[-_WINDOW:]).rstrip()
    familiar = _FAMILIAR.search(segment)
    if familiar:  # "a source familiar with the inquiry": the label ends before "familiar"
        segment = segment[:familiar.start()]
    pieces = segment.split(",")
    i, appositions = len(pieces) - 1, []
    if segment.endswith(","):
        i -= 1
        while i > 0 and (_is_apposition(pieces[i].strip()) or _SKIPPED_APPOSITION.match(pieces[i].strip())):
            if _is_apposition(pieces[i].strip()):
                appositions.append(pieces[i].strip())
            i -= 1
        if i == len(pieces) - 2:
            return None  # a comma before the verb with no apposition: not a subject
    phrase = parse_tail(pieces[i])
    if phrase is not None:
        phrase.start = sum(len(p) + 1 for p in pieces[:i])
        if phrase.kind in ("person", "surname"):
            phrase.extra_roles += [parse_apposition(a) for a in reversed(appositions)]
    return phrase


def parse_opening(text):
    """The noun phrase a sentence opens with ("Chinese President Xi Jinping pledged ..."), or None."""
    end = 0
    for m in _TOKEN.finditer(text, 0, 160):
        word = m.group()
        if "," in text[end:m.start()] or (word[:1].islower() and _bare(word) not in _OPENING_WORDS):
            break
        end = m.end()
    return parse_tail(text[:end]) if end else None


def _phrase_end(segment):
    """Where a phrase opening segment ends: at a comma, a clause word or a full stop that is no abbreviation."""
    for m in _CLAUSE_CUT.finditer(segment):
        if m.group()[0] == ".":
            word = segment[:m.start()].rsplit(None, 1)[-1] if segment[:m.start()].strip() else ""
            if is_abbreviation(word + "."):
                continue
        return m.start()
    return len(segment)


def parse_source(segment, determined=False):
    """(phrase, end) for what follows "according to": a speaker phrase, else any short noun phrase
    as a label ("complete but unofficial returns", "state law"); with determined, only one that
    opens with a determiner ("the printed slate card")."""
    phrase, end = parse_after(segment)
    if phrase is not None:
        return phrase, end
    end = _phrase_end(segment)
    head = segment[:end].strip()
    if not head or len(head.split()) > 10 or head[:1] in "\u201c\"":
        return None, 0
    if determined and _bare(head.split()[0]) not in DETERMINERS:
        return None, 0
    return Phrase("label", head), end


def _apposition_end(text):
    """Where an apposition ends: a comma, a semicolon or a full stop that is no initial or abbreviation."""
    for m in _APPOSITION_STOP.finditer(text):
        if m.group()[0] == ".":
            words = text[:m.start()].split()
            if words and is_abbreviation(words[-1] + "."):
                continue
        return m.start()
    return len(text)


def parse_after(segment):
    """(phrase, end) for the speaker phrase starting segment ("Lin, the CSIS expert, ...")."""
    segment = _PARENTHESES.sub(lambda m: " " * len(m.group()), segment[:_WINDOW])
    end = _phrase_end(segment)
    head = segment[:end]
    phrase = parse_tail(head)
    if phrase is None or not head.strip():
        return None, 0
    if segment[end:end + 1] != ",":
        return phrase, end
    rest = segment[end + 1:]
    cut = _apposition_end(rest)
    apposition = rest[:cut].strip()
    stop = end + 1 + cut
    if phrase.kind in ("person", "surname") and _is_apposition(apposition):
        phrase.extra_roles.append(parse_apposition(apposition))
        return phrase, stop
    named = None
    if phrase.kind == "label" and apposition[:1].isupper():
        named = parse_tail(apposition.split(" of ")[0].split(" at ")[0])
    if named is not None and named.kind == "person" and not named.leftover:
        # "said a leading advocate, Andrew Pincus": the name set after the label is the speaker
        named.extra_roles.append(parse_apposition(phrase.name))
        return named, stop
    return phrase, end


_PARENTHESES = re.compile(r"\([^()]{0,80}\)")
_FAMILIAR = re.compile(r"\s(?:familiar with|close to|briefed on|with knowledge of)\s[^,]{1,60}$")
_APPOSITION_STOP = re.compile(r"[,;]|\.(?:\s|$)")
# Appositions that carry no role: an age ("Ki Hong, 33,") or a relative clause ("who attended ...").
_SKIPPED_APPOSITION = re.compile(
    r"^(?:\d{1,3}|who\s[^,]{0,150}|(?:of|from)\s[A-Z][^,]{0,40}|however|though|too|meanwhile|also|instead|"
    r"in turn|for (?:his|her|their|its|our) part|for example|in contrast|in (?:a|an|the) [a-z ]{1,30}|"
    r"[RDI]-[A-Z][\w.]{0,12}|(?:speaking|writing|appearing|testifying|addressing|talking|asked)\b[^,]{0,60})$")
_APPOSITION_START = re.compile(r"^(?:the|a|an|former|then|now|also)\s|^[A-Z][\w.'’-]*(?:’s|'s)\s|^[a-z-]+(?:\s|$)")
_VERBISH = re.compile(r"\b(?:said|says|is|was|are|were|has|had|have|will|would|told|who|which)\b")


def _is_apposition(text):
    text = text.split(" who ", 1)[0]  # "a Republican who described himself as a Catholic"
    words = text.split()
    if not words or len(words) > 25 or _VERBISH.search(text):
        return False
    if not _APPOSITION_START.match(text):
        return False
    first = words[0].lower()
    return first in ("the", "a", "an", "former", "then", "now", "also") or _possessive(words[0]) or \
        any(_bare(w) in ROLE_NOUNS for w in words[:4])


def parse_apposition(text):
    """(role, organisation) from "secretary of the Expediency Council", "Beijing's special envoy"."""
    words = text.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    for i, word in enumerate(words[:6]):
        if not word[:1].isupper():
            break
        if _possessive(word):  # "Beijing’s special envoy", "the White House National Security Council’s director"
            return " ".join(words[i + 1:]), _strip_possessive(" ".join(words[:i + 1]))
    for i, word in enumerate(words):
        if word in ("of", "at", "for") and i + 1 < len(words):
            rest = words[i + 1:]
            if rest[0] == "the":
                rest = rest[1:]
            if rest and rest[0][:1].isupper():
                return " ".join(words[:i]), " ".join(rest)
    return _role_of_organisation(words)


def _role_of_organisation(words):
    """("spokeswoman", "Chinese Foreign Ministry") from "Chinese Foreign Ministry spokeswoman"."""
    i = len(words)
    while i > 0 and words[i - 1][:1].islower():
        i -= 1
    first = next((j for j, w in enumerate(words[:i]) if w[:1].isupper()), i)  # past "a leading"
    if first < i < len(words) and looks_like_organisation(words[first:i]):
        return " ".join(words[i:]), " ".join(words[first:i])
    return " ".join(words), ""
