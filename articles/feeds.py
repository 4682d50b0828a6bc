"""Atom feeds of public statements; the filters of the page apply to its feed too."""
import datetime

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator
from taggit.models import Tag

from articles.filters import StatementFilter
from articles.models import Statement
from articles.selectors import newest_first, statement_cards

FEED_SIZE = 50


class StatementFeed(Feed):
    """Base for feeds of statements. Subclasses define lookup(**url kwargs) -> the feed's object,
    statements(obj) -> its public statements, and the feed's title and link."""

    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        obj = self.lookup(**kwargs)
        # One Feed instance serves every request, so the reader's filters travel on the fresh object.
        obj.feed_filters = request.GET or None
        return obj

    def items(self, obj):
        filterset = StatementFilter(obj.feed_filters, queryset=self.statements(obj))
        return newest_first(statement_cards(filterset.qs))[:FEED_SIZE]

    def item_title(self, item):
        return f"{item.speaker_name}: {Truncator(item.text).words(14)}"

    def item_description(self, item):
        # Atom marks the summary as HTML, so the words are escaped here; the XML writer escapes again.
        label = "" if item.kind == Statement.Kind.DIRECT else "Reported: "
        return escape(f"{label}{item.text} — {item.article.headline}")

    def item_author_name(self, item):
        return item.speaker_name

    def item_pubdate(self, item):
        day = item.said_on or item.article.published
        if day:
            return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class TagFeed(StatementFeed):
    def lookup(self, slug):
        return get_object_or_404(Tag, slug=slug)

    def statements(self, tag):
        return Statement.objects.public().filter(tags=tag)

    def title(self, tag):
        return f"Statements tagged “{tag.name}”"

    def link(self, tag):
        return reverse("articles:tag", kwargs={"slug": tag.slug})
