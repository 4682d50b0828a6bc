"""Files, folders and stdin into parsed articles (pure Python, no Django).

`read_articles()` yields one Item per article found, or per article that could not be read,
so that one bad file or line never stops a batch.
"""
import os
from dataclasses import dataclass, field

from articles.text.parse import MAX_ARTICLE_BYTES, ParsedArticle, ParseError, decode, parse_record, parse_text

TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIX = ".jsonl"


@dataclass
class Item:
    where: str  # FILE:LINE, for messages
    article: ParsedArticle | None = None
    error: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass
class Raw:
    """One article's bytes, read but not yet parsed."""
    data: bytes
    where: str  # the file, "<stdin>"
    source: str  # the absolute path stored with the article; "" for stdin
    line: int = 0  # the line of a JSON Lines record; 0 for a text file, which holds one article


def read_articles(paths, stdin=None):
    """Every article in `paths`: files, folders (recursively: .txt, .md, .jsonl) and "-" for
    `stdin` (a binary stream), which is JSON Lines when its first non-blank character is "{"."""
    return map(parse, read_raw(paths, stdin))


def read_raw(paths, stdin=None):
    """What read_articles() reads, unparsed: a Raw for each article, or an Item for one that could
    not be read. The parsing, which costs more than the reading, can then run in another process."""
    for path in paths:
        if path == "-":
            data = stdin.read()
            if data.lstrip()[:1] == b"{":
                yield from _jsonl(data.splitlines(keepends=True), "<stdin>", "")
            else:
                yield Raw(data, "<stdin>", "")
        elif os.path.isdir(path):
            for folder, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if name.endswith((*TEXT_SUFFIXES, JSONL_SUFFIX)):
                        yield from _file(os.path.join(folder, name))
        else:
            yield from _file(path)


def parse(raw):
    """The Item for a Raw; an Item passes through."""
    if isinstance(raw, Item):
        return raw
    return _record(raw) if raw.line else _text(raw.data, raw.where, raw.source)


def _file(path):
    try:
        if path.endswith(JSONL_SUFFIX):
            with open(path, "rb") as handle:
                yield from _jsonl(handle, path, os.path.abspath(path))
            return
        if os.path.getsize(path) > MAX_ARTICLE_BYTES:
            limit = MAX_ARTICLE_BYTES // 2**20
            yield Item(f"{path}:1", error=f"larger than {limit} MB: refused, no article is that long")
            return
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as err:
        yield Item(f"{path}:1", error=err.strerror or str(err))
        return
    yield Raw(data, path, os.path.abspath(path))


def _text(data, where, source):
    try:
        text, warning = decode(data)
        item = Item(where, parse_text(text, source=source))
    except ParseError as err:
        return Item(f"{where}:{err.line}", error=str(err))
    if warning:
        item.warnings.append(f"{where}:{warning[0]}: {warning[1]}")
    item.where = f"{where}:1"
    return item


def _jsonl(lines, where, source):
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        if len(raw) > MAX_ARTICLE_BYTES:
            yield Item(f"{where}:{number}", error=f"record larger than {MAX_ARTICLE_BYTES // 2**20} MB: refused")
            continue
        yield Raw(raw, where, source, number)


def _record(raw):
    where = f"{raw.where}:{raw.line}"
    try:
        text, warning = decode(raw.data)
        item = Item(where, parse_record(text, source=raw.source, line=raw.line))
    except ParseError as err:
        return Item(where, error=str(err))
    if warning:
        item.warnings.append(f"{where}: {warning[1]}")
    return item
