"""The statement finder: who said what in one news article, by rule, in time linear in its length.

`extract(paragraphs)` returns the statements printed in the article (direct quotes, reported speech
and the mix of both), with each speaker resolved to a full name, an organisation or a label for an
unnamed source, and the people and organisations the article names with their roles. The rules are
documented where they live: spans (quote marks, sentences), attribution (verbs around quotes),
reported (reported speech), names (speaker phrases) and mentions (surnames, pronouns, acronyms).
"""
import bisect
import re
from dataclasses import dataclass, field

from articles.text import attribution as attr
from articles.text import mentions as found_mentions
from articles.text import spans
from articles.text.attribution import PARTICIPLE_CUE
from articles.text.names import is_outlet, looks_like_organisation
from articles.text.reported import reported


@dataclass(frozen=True)
class Speaker:
    kind: str            # "person" | "organisation" | "label"
    name: str


@dataclass
class Found:
    start: int
    end: int
    text: str
    kind: str            # "direct" | "indirect" | "mixed"
    cue: str
    speaker: Speaker
    role: str = ""
    speaker_organisation: str = ""
    audience: str = ""
    via: str = ""
    confidence: float = 0.5
    paragraph: int = 0


@dataclass
class PersonMention:
    name: str
    gender: str = ""
    roles: list[tuple[str, str]] = field(default_factory=list)
    description: str = ""


@dataclass
class OrganisationMention:
    name: str
    acronym: str = ""
    names: list[str] = field(default_factory=list)


@dataclass
class Extraction:
    statements: list[Found]
    people: list[PersonMention]
    organisations: list[OrganisationMention]


_MIN_QUOTE_WORDS = 4       # a shorter quoted phrase with no speech verb beside it is a title or scare quote
_INHERITED = 0.45          # a paragraph that is only a quotation, credited to the previous paragraph's speaker
_AMBIGUOUS = 0.6
_RESOLUTION = {"person": 1.0, "surname": 0.95, "pronoun": 0.85, "organisation": 0.9, "label": 0.85}
_QUOTE_CHARS = "\u201c\u201d\""
_PREPOSITIONS = frozenset(("for", "of", "at", "with", "from", ""))
_LOWER_WORD = re.compile(r"\b[a-z]+\b")


@dataclass
class _Article:
    body: str
    masked: str
    offsets: list
    sentence_starts: list
    sentence_ends: list
    mentions: found_mentions.Mentions
    subjects: list
    passages: list
    _lower_words: set = None

    def lower_words(self):
        """The words printed in lower case somewhere in the article (computed once)."""
        if self._lower_words is None:
            self._lower_words = set(_LOWER_WORD.findall(self.masked))
        return self._lower_words

    def paragraph_of(self, pos):
        return bisect.bisect(self.offsets, pos) - 1

    def sentence_of(self, pos):
        i = bisect.bisect(self.sentence_starts, pos) - 1
        return self.sentence_starts[i], self.sentence_ends[i]

    def paragraph_end(self, index):
        return self.offsets[index + 1] - 2 if index + 1 < len(self.offsets) else len(self.body)


def extract(paragraphs, *, headline="", authors=()):
    """Statements, people and organisations of an article given as its cleaned body paragraphs."""
    article = _read(list(paragraphs))
    candidates, orphans = _direct(article)
    used_sentences = {article.sentence_of(p.start)[0]: None for c in candidates for p in c[0]}
    used_sentences.update((article.sentence_of(c[1].pos)[0], c[1]) for c in candidates)
    reported_speech = _reported(article, used_sentences)
    candidates += reported_speech + _after_reported(article, orphans, reported_speech)
    statements = _statements(article, candidates)
    people = _people(article, statements)
    known = {p.name for p in people}
    people += [PersonMention(name) for name in authors if name not in known]
    return Extraction(statements, people, _organisations(article, statements))


def _read(paragraphs):
    offsets, at = [], 0
    for text in paragraphs:
        offsets.append(at)
        at += len(text) + 2
    body = "\n\n".join(paragraphs)
    passages = spans.find_passages(paragraphs, offsets)
    masked = spans.mask_quotes(body, passages)
    bounds = [s for i, text in enumerate(paragraphs) for s in spans.sentences(masked, offsets[i],
                                                                               offsets[i] + len(text))]
    bounds = bounds or [(0, 0)]
    starts, ends = [s for s, _ in bounds], [e for _, e in bounds]
    mentions, subjects = found_mentions.collect(masked, starts)
    return _Article(body, masked, offsets, starts, ends, mentions, subjects, passages)


def _direct(article):
    """(passages, attribution, confidence) for each direct statement, in order, and the quotations
    standing alone in a paragraph that follows no direct statement (orphans)."""
    owners = _owners(article)
    groups, previous, orphans = {}, None, []   # previous: (paragraph, attribution) of the last group
    for p in article.passages:
        owner = owners.get(id(p))
        key = id(owner)
        if owner is None and _opens(article, p):
            if previous and previous[0] == p.paragraph - 1:
                owner, key = previous[1], ("inherited", p.paragraph)
            else:
                orphans.append(p)
        if owner is None:
            continue
        confidence = _INHERITED if isinstance(key, tuple) else owner.confidence
        groups.setdefault(key, ([], owner, confidence))[0].append(p)
        previous = (p.paragraph, owner)
    return list(groups.values()), orphans


def _after_reported(article, orphans, reported_speech):
    """A quotation standing alone after a paragraph of someone's reported speech is theirs
    ('Smith said the plan would fail.' / '“It is a disaster.”')."""
    last = {}
    for _, attribution, _, start, _ in reported_speech:
        if attribution.phrase.kind in ("person", "surname", "pronoun"):
            last[article.paragraph_of(start)] = attribution
    return [([p], last[p.paragraph - 1], _INHERITED) for p in orphans if p.paragraph - 1 in last]


def _owners(article):
    """Passage id -> its attribution: its own, a sibling's in the paragraph, or its quotation's."""
    owners, by_paragraph = {}, {}
    for p in article.passages:
        by_paragraph.setdefault(p.paragraph, []).append(p)
    for passages in by_paragraph.values():
        shared = _share(article, passages, [_own_attribution(article, p) for p in passages])
        owners.update((id(p), owner) for p, owner in zip(passages, shared) if owner is not None)
    chain = []
    for p in article.passages + [None]:
        if chain and (p is None or not p.continued):
            owner = next((owners[id(q)] for q in chain if id(q) in owners), None)
            owners.update((id(q), owner) for q in chain if owner is not None and id(q) not in owners)
            chain = []
        if p is not None:
            chain.append(p)
    return owners


def _own_attribution(article, passage):
    paragraph_end = article.paragraph_end(passage.paragraph)
    found = None
    if passage.closed:
        found = attr.after_quote(article.masked, passage.end, paragraph_end)
    if found is None and not passage.continued:
        sentence_start, _ = article.sentence_of(passage.start)
        found = attr.before_quote(article.masked, sentence_start, passage.start)
    return found


def _share(article, passages, owners):
    """Give unattributed passages of a paragraph the attribution of the nearest attributed one.

    Only passages that open their sentence are shared: a fragment inside someone's reported
    clause ('X said Democrats “were not going to be like Trump.”') is part of that clause.
    """
    free = [len(p.inner(article.body).split()) >= _MIN_QUOTE_WORDS and _opens_sentence(article, p)
            for p in passages]
    shared, last = [], None
    for owner, ok in zip(owners, free):
        last = owner or last
        shared.append(owner or (last if ok else None))
    following = None
    for i in range(len(passages) - 1, -1, -1):
        following = owners[i] or following
        if shared[i] is None and free[i]:
            shared[i] = following
    return shared


def _opens_sentence(article, passage):
    sentence_start, _ = article.sentence_of(passage.start)
    return not article.masked[sentence_start:passage.start].strip()


def _opens(article, passage):
    """True when the passage opens its paragraph and is most of it: a quotation standing alone."""
    start = article.offsets[passage.paragraph]
    length = article.paragraph_end(passage.paragraph) - start
    return passage.start == start and passage.end - passage.start >= 0.6 * length and length > 30


def _reported(article, used_sentences):
    """(None, attribution, confidence, clause start, clause end) for each sentence of reported speech."""
    found = []
    for s_start, s_end in zip(article.sentence_starts, article.sentence_ends):
        if s_start in used_sentences:
            hit = _added_clause(article.masked, used_sentences[s_start], s_end)
        else:
            hit = reported(article.masked, s_start, s_end)
        if hit is not None:
            attribution, start, end = hit
            found.append((None, attribution, attribution.confidence * 0.9, start, end))
    return found


def _added_clause(masked, attribution, s_end):
    """'“...,” he said, adding that CLAUSE': the clause is a second statement of the quote's speaker."""
    if attribution is None or not attribution.cue_span:
        return None
    m = PARTICIPLE_CUE.search(masked, attribution.cue_span[1], s_end)
    if m is None or m.start() - attribution.cue_span[1] > 80:
        return None
    start = m.end()
    that = re.match(r"\s*that\s", masked[start:start + 8])
    start += that.end() if that else 0
    if len(masked[start:s_end].split()) < 3:
        return None
    added = attr.Attribution(attribution.phrase, m.group().lstrip(", "), attribution.pos, confidence=0.7)
    return added, start, s_end


def _statements(article, candidates):
    statements, seen = [], set()
    for candidate in candidates:
        statement = _statement(article, candidate)
        if statement is None:
            continue
        key = spans.words_key(statement.text)
        if key in seen or not key:
            continue
        seen.add(key)
        statements.append(statement)
    statements.sort(key=lambda s: s.start)
    return statements


def _statement(article, candidate):
    passages, attribution, confidence = candidate[:3]
    resolved = _resolve(article, attribution)
    if resolved is None:
        return None
    speaker, factor, role, organisation = resolved
    if passages:
        start, end, text, kind = _quoted(article, passages, attribution)
    else:
        start, end = _trim(article.body, candidate[3], candidate[4])
        text = article.body[start:end]
        kind = "mixed" if any(c in text for c in _QUOTE_CHARS) or "''" in text else "indirect"
        if kind == "mixed" and _only_quote(text):
            kind = "direct"
    if len(text.split()) < 2:
        return None
    return Found(start, end, text, kind, attribution.cue, speaker, role, organisation, attribution.audience,
                 attribution.via, round(min(1.0, confidence * factor), 2), article.paragraph_of(start))


def _quoted(article, passages, attribution):
    """(start, end, text, kind) of a direct statement; words before the first quote in its sentence,
    when the attribution follows ('Golf clubs are “just scraping by,” Hedge said'), make it mixed."""
    first = passages[0]
    sentence_start, _ = article.sentence_of(first.start)
    start = _trim(article.body, sentence_start, first.start)[0]
    words = [p.inner(article.body).strip() for p in passages]
    if start < first.start and attribution.pos > first.end and attribution.cue != ":":
        lead = article.body[start:first.end]
        return start, passages[-1].end, " ".join([lead] + words[1:]), "mixed"
    return first.start, passages[-1].end, " ".join(words).rstrip(","), "direct"  # the comma before "she said"


def _only_quote(text):
    return text[:1] in _QUOTE_CHARS and text.count("\u201c") + text.count('"') == 1


def _trim(body, start, end):
    while start < end and (body[start].isspace() or body[start] in ",;:"):
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ",;:"):
        end -= 1
    return start, end


def _resolve(article, attribution):
    """(Speaker, confidence factor, role, organisation) for an attribution's phrase, or None."""
    phrase, found = attribution.phrase, article.mentions
    role = phrase.role or (phrase.extra_roles[0][0] if phrase.extra_roles else "")
    organisation = phrase.organisation or (phrase.extra_roles[0][1] if phrase.extra_roles else "")
    factor = _RESOLUTION[phrase.kind]
    if phrase.kind == "person":
        found.add_person(phrase)
        return Speaker("person", phrase.name), factor, role, organisation
    if phrase.kind == "surname":
        name = found.full_name(phrase.name, attribution.pos)
        if name:
            if len(found.by_part[phrase.name.lower()]) > 1:
                factor = _AMBIGUOUS  # two people share the surname: the most recent one is a guess
            found.add_person(_renamed(phrase, name))
            return Speaker("person", name), factor, role, organisation
        if looks_like_organisation([phrase.name]):
            return Speaker("organisation", phrase.name), 0.8, "", ""
        if phrase.name.lower() in article.lower_words():
            return None  # printed in lower case elsewhere: a common word opening a sentence, not a name
        return Speaker("label", phrase.name), 0.6, role, organisation
    if phrase.kind == "pronoun":
        if phrase.name not in ("he", "she"):
            return None
        sentence_start, _ = article.sentence_of(attribution.pos)
        name = found.person_before(attribution.pos, phrase.gender, sentence_start, article.subjects)
        if name is None:
            return None
        if not found.people[name].gender:
            found.people[name].gender = phrase.gender
        return Speaker("person", name), factor, "", ""
    if phrase.kind == "organisation":
        if attribution.via == phrase.name or attribution.audience == phrase.name:
            return None
        found.add_organisation(phrase.name)
        return Speaker("organisation", phrase.name.removeprefix("the ")), factor, "", ""
    words = phrase.name.lower().split()
    if words[0] == "the" and len(words) > 1:
        head = next((w for w, after in zip(words, words[1:] + [""]) if after in _PREPOSITIONS), words[-1])
        name = found.person_with_role(head, attribution.pos)
        if name:
            return Speaker("person", name), 0.8, "", ""
    return Speaker("label", phrase.name), factor, "", ""


def _renamed(phrase, name):
    phrase.name = name
    phrase.kind = "person"
    return phrase


def _people(article, statements):
    speaking = {s.speaker.name for s in statements if s.speaker.kind == "person"}
    people = []
    for person in article.mentions.people.values():
        if person.name in speaking or person.titled:
            description = person.description or ", ".join(
                f"{role}, {org}" if org else role for role, org in person.roles[:1])
            people.append(PersonMention(person.name, person.gender, list(person.roles), description))
    return people


def _organisations(article, statements):
    found = article.mentions
    for s in statements:
        if s.speaker_organisation:
            found.add_organisation(s.speaker_organisation)
    return [OrganisationMention(o.name, o.acronym, list(o.names)) for o in found.organisations.values()
            if not is_outlet(o.name) or any(s.speaker.name == o.name for s in statements)]
