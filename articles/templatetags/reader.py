"""Template helpers for the reader's pages; each one escapes what it is given."""
from django import template

from articles import rendering

register = template.Library()


@register.simple_tag
def highlight(text, terms):
    """{% highlight text terms %}: escaped text with the search terms in <mark>; plain escaping without terms.

    A tag rather than a filter, because a missing filter argument is an error and most lists have no terms.
    """
    return rendering.highlight(text or "", terms or [])


@register.filter
def http_url(url):
    return rendering.http_url(url)


@register.filter
def json_ld(data):
    return rendering.json_ld(data)
