"""Who is named where in one article, and what a surname or a pronoun refers to.

A first pass over the body (quotes masked) records every full name with the title, role and
apposition printed beside it, every later mention of a known surname, and the organisations
named in full or by acronym. Speaker phrases are then resolved against these mentions: a surname
to the full name met before it, a pronoun to the most recent person of compatible gender that
opened a sentence (or, within the sentence, to the first person named in it).
"""
import bisect
import re
from dataclasses import dataclass, field

from articles.text import names
from articles.text.lexicon import COUNTRIES, NOT_NAMES, OPENERS, ORG_HEADS
from people.names import organisation_key

_CAPITAL_RUN = re.compile(
    r"[A-Z][\w'’.&-]*(?:[ \t]+(?:(?:of|for|and|the|de|al|bin|van|von)[ \t]+)?[A-Z][\w'’.&-]*)*")
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,9})\)")
_GENDER_PRONOUN = re.compile(r"\b(he|his|him|she|her)\b", re.IGNORECASE)
_PRONOUN_REACH = 2500  # a pronoun refers back at most this many characters
_NOBODY = object()


@dataclass
class Person:
    name: str
    gender: str = ""
    roles: list = field(default_factory=list)
    description: str = ""
    titled: bool = False


@dataclass
class Organisation:
    name: str
    acronym: str = ""
    names: list = field(default_factory=list)


class Mentions:
    """The people and organisations of one article, and where each is mentioned."""

    def __init__(self):
        self.people = {}                # full name -> Person
        self.positions = []             # sorted positions of person mentions
        self.at = []                    # full name mentioned at self.positions[i]
        self.by_part = {}               # lower-cased surname or first name -> full names
        self.organisations = {}         # organisation key -> Organisation
        self.acronyms = {}              # acronym -> organisation key

    # -- people
    def add_person(self, phrase, pos=None, roles=()):
        person = self.people.get(phrase.name)
        if person is None:
            person = self.people[phrase.name] = Person(phrase.name)
            words = phrase.name.split()
            for part in (words[-1], words[0]):
                self.by_part.setdefault(part.lower(), []).append(phrase.name)
        person.gender = person.gender or phrase.gender
        for role in [(phrase.role, phrase.organisation), *roles, *phrase.extra_roles]:
            if role[0] and role not in person.roles:
                person.roles.append(role)
                person.titled = True
        if not person.description and phrase.description:
            person.description = phrase.description
        if pos is not None:
            self.mention(person.name, pos)
        if phrase.organisation:
            self.add_organisation(phrase.organisation)
        for _, org in person.roles:
            if org:
                self.add_organisation(org)
        return person

    def mention(self, name, pos):
        """Record a mention; call `sort` once all are in."""
        self.positions.append(pos)
        self.at.append(name)

    def sort(self):
        order = sorted(range(len(self.positions)), key=self.positions.__getitem__)
        self.positions = [self.positions[i] for i in order]
        self.at = [self.at[i] for i in order]

    def full_name(self, part, pos):
        """The full name a surname (or first name) printed at pos stands for, or None."""
        candidates = self.by_part.get(part.lower())
        if not candidates:
            return None
        if len(candidates) == 1:
            return candidates[0]
        i = bisect.bisect(self.positions, pos)
        for j in range(i - 1, max(-1, i - 200), -1):
            if self.at[j] in candidates:
                return self.at[j]
        return candidates[0]

    def person_before(self, pos, gender, sentence_start, subjects):
        """The person a he/she at pos refers to: first person of its sentence, else a recent subject."""
        i = bisect.bisect_left(self.positions, max(sentence_start, pos - 400))
        while i < len(self.positions) and self.positions[i] < pos:
            if self._compatible(self.at[i], gender):
                return self.at[i]
            i += 1
        k = bisect.bisect_left(subjects, (sentence_start,)) - 1
        while k >= 0 and pos - subjects[k][0] < _PRONOUN_REACH:
            if self._compatible(subjects[k][1], gender):
                return subjects[k][1]
            k -= 1
        i = bisect.bisect_left(self.positions, pos) - 1
        while i >= 0 and pos - self.positions[i] < _PRONOUN_REACH:
            if self._compatible(self.at[i], gender):
                return self.at[i]
            i -= 1
        return None

    def person_with_role(self, head, pos):
        """The person most recently mentioned before pos whose printed role ends in head ("the senator")."""
        i = bisect.bisect_left(self.positions, pos) - 1
        while i >= 0 and pos - self.positions[i] < _PRONOUN_REACH:
            person = self.people[self.at[i]]
            if any(role.lower().split()[-1:] == [head] for role, _ in person.roles):
                return person.name
            i -= 1
        return None

    def _compatible(self, name, gender):
        known = self.people[name].gender
        return not gender or not known or known == gender

    # -- organisations
    def add_organisation(self, name, acronym=""):
        name = name.strip()
        if name.lower().startswith("the "):
            name = name[4:]
        if not name:
            return None
        key = self.acronyms.get(name) or organisation_key(name)
        org = self.organisations.get(key)
        if org is None:
            org = self.organisations[key] = Organisation(name)
        elif name != org.name and name not in org.names and name != org.acronym:
            org.names.append(name)
        if acronym and not org.acronym:
            org.acronym = acronym
            self.acronyms[acronym] = key
        return org


def _initials(name):
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _sentence_of(sentence_starts, pos):
    return sentence_starts[bisect.bisect(sentence_starts, pos) - 1]


def collect(masked, sentence_starts):
    """Mentions of one article body (quotes masked), and the first person named in each sentence."""
    found = Mentions()
    singles = []
    for m in _CAPITAL_RUN.finditer(masked):
        run, end = m.group(), m.end()
        if run.endswith(("’s", "'s")):  # "During Liu’s meeting": Liu is mentioned all the same
            run, end = run[:-2], end - 2
        if " " not in run:
            # One capitalised word is at most a surname, resolved once all full names are known.
            if run.lower() not in NOT_NAMES and len(run) > 1:
                singles.append((m.start(), run, None))
            continue
        phrase = _plain_name(masked, m.start(), run) or names.parse_tail(masked[_context_start(
            masked, sentence_starts, end):end])
        acronym = _ACRONYM_AFTER.match(masked, end)
        if phrase is None or phrase is _NOBODY:
            continue
        if phrase.kind == "organisation":
            _organisation_run(found, run, phrase.name, acronym)
        elif phrase.kind == "person":
            roles = _apposition_after(masked, end)
            found.add_person(phrase, end - len(phrase.name), roles)
        elif phrase.kind == "surname":
            singles.append((end - len(phrase.name), phrase.name, phrase))
    resolved = [(pos, word, phrase, found.full_name(word, pos)) for pos, word, phrase in singles]
    for pos, word, phrase, name in resolved:
        if name:
            _surname_mention(found.people[name], masked, pos + len(word), phrase)
            found.mention(name, pos)
    found.sort()
    _acronyms_in_text(found, masked)
    return found, _subjects(found, sentence_starts, masked)


def _surname_mention(person, masked, end, phrase):
    """What a surname's mention adds to its person: "Mao, the Chinese Foreign Ministry spokeswoman,"."""
    roles = _apposition_after(masked, end)
    if phrase is not None and phrase.role:
        roles.append((phrase.role, phrase.organisation))
    for role in roles:
        if role not in person.roles:
            person.roles.append(role)
    if not person.gender:
        person.gender = (phrase.gender if phrase else "") or names.gender_of(
            [w for role, _ in roles for w in role.split()])


def _context_start(masked, sentence_starts, end):
    """Start of the words before a name that may hold its title: same sentence and clause, 80 characters."""
    return max(_sentence_of(sentence_starts, end - 1), end - 80, masked.rfind(",", end - 80, end) + 1)


def _plain_name(masked, start, run):
    """The common runs read without parsing: a bare "First Last", a place, an organisation's name.

    Returns a Phrase, _NOBODY for a place or a date (nobody), or None when the run needs the full parse.
    """
    words = run.split()
    last = words[-1].rstrip(".").lower()
    if last in NOT_NAMES and last not in ORG_HEADS:
        return _NOBODY  # "Super Tuesday", "Republican and Democratic": no one's name ends so
    while len(words) > 1 and words[0].lower() in OPENERS:
        start += len(words[0]) + 1  # "But Donald Trump": the opener is no part of the name
        words = words[1:]
    if len(words) > 4 or any(w.endswith(".") and not names.is_abbreviation(w) for w in words[:-1]):
        return None  # long, or crossing a sentence end: "... from Israel. Mao"
    before = masked[max(0, start - 20):start].rsplit(None, 1)
    previous = before[-1] if before else ""
    if previous and previous[-1].isalpha() and (previous[0].isupper() or names.is_role_noun(previous)):
        return None  # a title or role may stand before the name
    if names.is_place(words):
        return _NOBODY
    if names.looks_like_organisation(words):
        return names.Phrase("organisation", " ".join(words))
    titles = 0
    while titles < len(words) - 1 and names.is_title(words[titles]):
        titles += 1
    name = words[titles:]
    if not all(names.is_name_token(w) for w in name) or (len(name) == 1 and not titles):
        return None
    if len(name) > 2 and names.is_listed_role(name[0]):
        titles, name = titles + 1, name[1:]  # "Pilot Jonas Weber" opening a sentence
    role = " ".join(w for w in words[:titles] if not names.is_honorific(w))
    return names.Phrase("person" if len(name) > 1 else "surname", " ".join(name), role, description=role,
                        gender=names.gender_of(words[:titles]))


def _organisation_run(found, run, name, acronym):
    words = name.split()
    if acronym:
        found.add_organisation(name, acronym.group(1))
    elif len(words) > 1 and names._bare(words[-1]) in ORG_HEADS and name.lower() not in COUNTRIES:
        found.add_organisation(name)


def _apposition_after(masked, end):
    if masked[end:end + 2] != ", ":
        return []
    rest = masked[end + 2:end + 250]
    stop = re.search(r",|;|\.(?:\s|$)", rest)
    apposition = rest[:stop.start() if stop else len(rest)]
    if names._is_apposition(apposition):
        return [names.parse_apposition(apposition)]
    return []


def _acronyms_in_text(found, masked):
    """Link "CSIS" to "Center for Strategic and International Studies" when the initials agree."""
    by_initials = {_initials(org.name): key for key, org in found.organisations.items() if not org.acronym}
    for m in re.finditer(r"\b[A-Z]{2,6}\b", masked):
        key = by_initials.get(m.group())
        if key:
            found.organisations[key].acronym = m.group()
            found.acronyms[m.group()] = key
            del by_initials[m.group()]


def _subjects(found, sentence_starts, masked):
    """(position, name) of the first person mentioned in each sentence; pronouns refer back to these."""
    subjects, last_sentence = [], None
    for pos, name in zip(found.positions, found.at):
        sentence = _sentence_of(sentence_starts, pos)
        if sentence != last_sentence:
            subjects.append((pos, name))
            last_sentence = sentence
            _learn_gender(found.people[name], masked, pos)
    return subjects


def _learn_gender(person, masked, pos):
    """"Zolghadr expressed his support ..." tells that Zolghadr is a man (the first pronoun after)."""
    if person.gender:
        return
    m = _GENDER_PRONOUN.search(masked, pos, pos + 120)
    if m and not re.search(r"[.;]\s", masked[pos:m.start()]):
        person.gender = "f" if m.group(1).lower() in ("she", "her") else "m"
