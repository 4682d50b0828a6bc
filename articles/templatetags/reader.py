"""Template helpers for the reader's pages; each one escapes what it is given."""
from django import template

from articles import rendering

register = template.Library()


@register.filter
def highlight(text, terms):
    """{{ text|highlight:terms }}: escaped text with the search terms in <mark>; plain escaping without terms."""
    return rendering.highlight(text or "", terms or [])


@register.filter
def http_url(url):
    return rendering.http_url(url)


@register.filter
def json_ld(data):
    return rendering.json_ld(data)
