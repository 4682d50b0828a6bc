"""Turning stored text into reader-facing HTML, JSON and CSV without trusting any of it.

Imported text is data: every slice of it is escaped on its own and only our own tags are
marked safe, so a headline or a quote can never become markup or a script.
"""
import json
import re
from urllib.parse import urlsplit

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def script_safe_json(data):
    """JSON that cannot close a <script> element or open a comment (what json_script does)."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)


def json_ld(data):
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(script_safe_json(data)))


def http_url(url):
    """The URL when it is an http(s) address, else "": no javascript: or data: link ever reaches an href."""
    return url if url and urlsplit(url.strip()).scheme.lower() in {"http", "https"} else ""


def _stem(word):
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def highlight_pattern(terms):
    """One regex matching any word that starts like a search term (so "supports" finds "supported")."""
    stems = sorted({_stem(t.casefold()) for t in terms if t}, key=len, reverse=True)
    if not stems:
        return None
    alternatives = "|".join(re.escape(s) for s in stems)
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)


def highlight(text, terms):
    """Escapes the text and wraps every match of the search terms in <mark>."""
    pattern = highlight_pattern(terms)
    if pattern is None:
        return conditional_escape(text)
    parts, cursor = [], 0
    for match in pattern.finditer(text):
        parts.append(conditional_escape(text[cursor : match.start()]))
        parts.append(format_html("<mark>{}</mark>", match.group()))
        cursor = match.end()
    parts.append(conditional_escape(text[cursor:]))
    return mark_safe("".join(parts))


def highlighted_paragraphs(body, statements, mark):
    """The body as a list of safe paragraph strings, each statement's span wrapped by `mark`.

    `mark(statement, words, first)` returns the safe HTML for one piece of a span; a span that
    crosses a paragraph break is cut in pieces and only the first carries the anchor. A span
    overlapping an earlier one starts where the earlier one ends.
    """
    spans = sorted(statements, key=lambda s: (s.start, s.end))
    paragraphs, offset = [], 0
    anchored = set()
    for text in body.split("\n\n"):
        start, end = offset, offset + len(text)
        html, cursor = [], start
        for statement in spans:
            lo, hi = max(statement.start, cursor), min(statement.end, end)
            if hi <= lo:
                if statement.start < end and statement.end > start and statement.pk not in anchored:
                    anchored.add(statement.pk)
                    html.append(mark(statement, "", True))
                continue
            html.append(conditional_escape(body[cursor:lo]))
            html.append(mark(statement, body[lo:hi], statement.pk not in anchored))
            anchored.add(statement.pk)
            cursor = hi
        html.append(conditional_escape(body[cursor:end]))
        paragraphs.append(mark_safe("".join(str(h) for h in html)))
        offset = end + 2
    return paragraphs


def year_bars(rows, *, height=60, bar=30, gap=6):
    """Bars for an inline SVG chart from [(year, count)], with the years between filled in as zero."""
    if not rows:
        return {"bars": [], "width": 0, "height": height}
    counts = dict(rows)
    years = range(rows[0][0], rows[-1][0] + 1)
    top = max(counts.values())
    bars = []
    for i, year in enumerate(years):
        n = counts.get(year, 0)
        h = round(height * n / top) if n else 0
        bars.append({"year": year, "n": n, "x": i * (bar + gap), "y": height - h, "h": h, "w": bar})
    return {"bars": bars, "width": len(bars) * (bar + gap) - gap, "height": height}


def statement_mark(statement, words, first):
    """One highlighted piece of a statement in the article body: the words link to the permalink,
    and the first piece carries the #s-<id> anchor and a link to the speaker."""
    if not first:
        return format_html('<mark class="statement"><a href="{}">{}</a></mark>', statement.get_absolute_url(), words)
    speaker = statement.person or statement.organisation
    if speaker:
        ref = format_html('<a class="speaker-ref" href="{}">{}</a>', speaker.get_absolute_url(), speaker.name)
    else:
        ref = format_html('<span class="speaker-ref">{}</span>', statement.speaker_label)
    if not words:
        return format_html('<span class="statement-anchor" id="s-{}"></span>{}', statement.pk, ref)
    return format_html(
        '<mark class="statement" id="s-{}"><a href="{}">{}</a></mark>{}', statement.pk,
        statement.get_absolute_url(), words, ref,
    )


def said_date(statement):
    return statement.said_on or statement.article.published


def citation(statement, page_url):
    """A citation line ready to copy: Mao Ning, quoted in “Headline”, Outlet, 6 December 2023, URL."""
    article = statement.article
    verb = "quoted in" if statement.kind == statement.Kind.DIRECT else "reported in"
    day = said_date(statement)
    parts = [statement.speaker_name, f"{verb} “{article.headline}”"]
    if article.outlet_id:
        parts.append(article.outlet.name)
    if day:
        parts.append(f"{day.day} {day:%B %Y}")
    parts.append(http_url(article.url) or page_url)
    return ", ".join(parts)
