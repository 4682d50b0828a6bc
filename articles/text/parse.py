"""Raw article text and JSON Lines records into a ParsedArticle (pure Python, no Django).

Text files look like the samples in articles/samples/: boilerplate lines, an optional date line,
the headline, optional standfirst bullets, an optional "By …" line, body paragraphs and an
optional closing author bio, with an optional front matter block at the very top. Every problem
is a ParseError carrying the line it was found on, so the command can say FILE:LINE: message.
"""
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

# A text file (or one JSON Lines record) larger than this is refused: no real article is that
# long, and the finder's time grows with the text, so a runaway file would stall a whole batch.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024

FRONT_MATTER_KEYS = {"outlet", "url", "published", "authors", "tags"}
BOILERPLATE = {
    "top of page", "bottom of page", "latest video", "advertisement", "skip to content",
    "skip to main content", "share this article", "share", "read more", "continue reading",
}
BULLETS = "•▪●·"
_SPACE = re.compile(r"\s+")
# Bytes that text never holds (tab, line breaks and form feed excepted): many of them mean binary data.
_CONTROL_BYTES = bytes([*range(9), *range(14, 32)])
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE_LINE = re.compile(
    rf"^(?:(?:Published|Updated)\s*:?\s*)?(?:[A-Z][a-z]+day,?\s+)?"
    rf"(?:(?P<mdy>{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}})|(?P<dmy>\d{{1,2}}\s+{_MONTHS},?\s+\d{{4}})|(?P<iso>\d{{4}}-\d\d-\d\d))"
    r"(?:,?\s+\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^By\s+(?P<names>[^\s].{0,200})$")
# Each name in a byline: capitalised words, with the particles names carry ("Ursula von der Leyen").
_AUTHOR = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|van|von|der|de|da|di|du|la|le|bin|al|el)){0,5}")
_BIO_VERBS = r"(?:is|was|covers|writes|reports|has|joined|worked|previously)"
_AUTHOR_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)\s*")


class ParseError(ValueError):
    """Bad input; `line` is the 1-based line of the source it was found on."""

    def __init__(self, message, line=1):
        super().__init__(message)
        self.line = line


@dataclass
class ParsedArticle:
    headline: str
    paragraphs: list[str]
    standfirst: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    author_bio: str = ""
    outlet: str = ""
    url: str = ""
    published: date | None = None
    tags: list[str] = field(default_factory=list)
    source: str = ""
    line: int = 1
    whole_file: bool = False  # one file, one article: the source file name identifies it
    repeated_paragraphs: int = 0

    @property
    def body(self):
        return "\n\n".join(self.paragraphs)

    @property
    def content_hash(self):
        """The import's natural key: SHA-256 of the normalised headline and body."""
        return hashlib.sha256(f"{self.headline}\n\n{self.body}".encode()).hexdigest()


def clean_line(text):
    """One run of white space becomes one space; invisible characters go; the wording stays."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(_INVISIBLE)).strip()


def decode(data):
    """Bytes to text and a warning (or None). UTF-8 first; anything else is read as Windows-1252,
    the usual encoding of old Western news files, with a warning, because refusing them would lose
    articles an editor can fix by eye. Binary data (NUL bytes, control characters) is refused."""
    if not data.strip():
        raise ParseError("the file is empty")
    sample = data[:8192]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if b"\0" in sample or controls > len(sample) // 100:
        raise ParseError("this is a binary file, not text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        warning = (data[: err.start].count(b"\n") + 1, "not UTF-8; read as Windows-1252/Latin-1, check the accents")
    try:
        return data.decode("cp1252"), warning
    except UnicodeDecodeError:  # the five bytes Windows-1252 leaves undefined: Latin-1 reads every byte
        return data.decode("latin-1"), warning


def parse_date(value, line):
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ParseError(f"impossible or malformed date {value.strip()!r}, expected YYYY-MM-DD", line) from None


def split_authors(text):
    names = [clean_line(n) for n in _AUTHOR_SPLIT.split(text.strip().rstrip("."))]
    return [n for n in names if n]


def split_list(value):
    if isinstance(value, list):
        return [clean_line(str(v)) for v in value if str(v).strip()]
    return [clean_line(v) for v in str(value or "").split(",") if v.strip()]


def parse_text(text, *, source=""):
    """One article from text in the samples' format."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    meta, first = _front_matter(lines)
    blocks = _blocks(lines, first)
    if not blocks:
        raise ParseError("no article text" + (" after the front matter" if first else ""), first + 1)
    published = meta.get("published")
    i = 0
    if (found := _date_of(*blocks[0])) is not None:
        published = published or found
        i += 1
    if i == len(blocks):
        raise ParseError("no headline: the file holds only a date", blocks[0][0])
    headline_line, headline = blocks[i]
    headline = re.sub(r"^#{1,6}\s+", "", headline)  # a Markdown heading's marks are not part of it
    if headline.startswith(tuple(BULLETS)) or _BYLINE.match(headline) or _reads_like_body(headline):
        raise ParseError("no headline: the first line of text reads like body text", headline_line)
    i += 1
    standfirst, authors = [], []
    while i < len(blocks):
        number, block = blocks[i]
        if block[0] in BULLETS:
            standfirst.append(block[1:].strip())
        elif not authors and (byline := _BYLINE.match(block)) and (names := _names(byline["names"])):
            authors = names
        elif (found := _date_of(number, block)) is not None:
            published = published or found
        else:
            break
        i += 1
    article = ParsedArticle(
        headline=headline, paragraphs=[], standfirst=standfirst, authors=meta.get("authors") or authors,
        outlet=meta.get("outlet", ""), url=meta.get("url", ""), published=published,
        tags=meta.get("tags", []), source=source, whole_file=bool(source),
    )
    _finish_body(article, [block for _, block in blocks[i:]], blocks[i][0] if i < len(blocks) else 1)
    return article


def parse_record(line_text, *, source="", line=1):
    """One article from a JSON Lines record."""
    try:
        record = json.loads(line_text)
    except json.JSONDecodeError as err:
        raise ParseError(f"not JSON: {err.msg} (column {err.colno})", line) from None
    if not isinstance(record, dict):
        raise ParseError("a JSON Lines record must be an object", line)
    missing = [key for key in ("headline", "body") if not str(record.get(key) or "").strip()]
    if missing:
        raise ParseError(f"the record has no {' and no '.join(missing)}", line)
    published = record.get("published")
    article = ParsedArticle(
        headline=clean_line(str(record["headline"])), paragraphs=[],
        authors=split_list(record.get("authors")), outlet=clean_line(str(record.get("outlet") or "")),
        url=clean_line(str(record.get("url") or "")),
        published=parse_date(str(published), line) if published else None,
        tags=split_list(record.get("tags")), source=source, line=line,
    )
    paragraphs = [clean_line(p) for p in re.split(r"\n\s*\n", str(record["body"]))]
    _finish_body(article, [p for p in paragraphs if p and p.casefold() not in BOILERPLATE], line)
    return article


def _front_matter(lines):
    """The key: value block between '---' lines at the very top: (values, first line after it)."""
    if not lines or lines[0].strip() != "---":
        return {}, 0
    if not any(line.strip() == "---" for line in lines[1:]):
        raise ParseError("front matter: no closing '---' line", 1)
    meta = {}
    for number, raw in enumerate(lines[1:], start=2):
        line = raw.strip()
        if line == "---":
            return meta, number
        if not line or line.startswith("#"):
            continue
        key, colon, value = line.partition(":")
        key = key.strip().lower()
        if not colon or not re.fullmatch(r"[a-z_]+", key):
            raise ParseError(f"front matter: expected 'key: value', got {line[:60]!r}", number)
        if key not in FRONT_MATTER_KEYS:
            known = ", ".join(sorted(FRONT_MATTER_KEYS))
            raise ParseError(f"front matter: unknown key {key!r} (known: {known})", number)
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        if key == "published":
            meta[key] = parse_date(value, number) if value else None
        elif key in ("authors", "tags"):
            meta[key] = split_list(value.strip("[]"))
        else:
            meta[key] = clean_line(value)


def _blocks(lines, first):
    """Paragraphs as (line number, cleaned text): blank lines separate them, a bullet starts a new
    one, and boilerplate lines are dropped."""
    blocks, current, start = [], [], 0
    for number, raw in enumerate(lines[first:], start=first + 1):
        line = clean_line(raw)
        if line.casefold() in BOILERPLATE:
            line = ""
        if current and (not line or line[0] in BULLETS):
            blocks.append((start, " ".join(current)))
            current = []
        if line:
            start = start if current else number
            current.append(line)
    if current:
        blocks.append((start, " ".join(current)))
    return blocks


def _date_of(line, text):
    match = _DATE_LINE.match(text)
    if not match:
        return None
    if match["iso"]:
        return parse_date(match["iso"], line)
    value = re.sub(r"[.,]", "", match["mdy"] or match["dmy"]).replace("Sept", "Sep")
    for pattern in ("%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ParseError(f"impossible date {text!r}", line)


def _names(byline):
    """The authors of a byline, or [] when it is a sentence that begins with "By" ("By noon, …")."""
    names = split_authors(byline)
    return names if names and all(_AUTHOR.fullmatch(n) for n in names) else []


def _reads_like_body(text):
    """A headline is one short line without a closing full stop ("… with the U.S." is a headline);
    a long sentence is body text."""
    return len(text) > 300 or (text.endswith(".") and not re.search(r"(?:\.\.|\b[A-Z]\.)$", text))


def _finish_body(article, paragraphs, line):
    """Drops repeated paragraphs and moves a closing author bio out of the body."""
    seen, body = set(), []
    for paragraph in paragraphs:
        if paragraph in seen:
            article.repeated_paragraphs += 1
            continue
        seen.add(paragraph)
        body.append(paragraph)
    if len(body) > 1 and _is_bio(body[-1], article.authors):
        article.author_bio = body.pop()
    if not body:
        raise ParseError("the article has a headline but no body", line)
    article.paragraphs = body


def _is_bio(paragraph, authors):
    """'Zhao Ziwen covers China diplomacy.' or 'Ben Zhao Ziwen covers …': the paragraph begins with
    an author's name, perhaps after one first name, and goes on to describe them."""
    return any(
        re.match(rf"(?:[A-Z][\w'’-]+\s+)?{re.escape(author)}\s+{_BIO_VERBS}\b", paragraph) for author in authors
    )
