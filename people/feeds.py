"""The Atom feed of one person's public statements."""
from django.shortcuts import get_object_or_404

from articles.feeds import StatementFeed
from people.models import Person


class PersonFeed(StatementFeed):
    def lookup(self, slug):
        return get_object_or_404(Person, slug=slug)

    def statements(self, person):
        return person.statements.public()

    def title(self, person):
        return f"Statements by {person.name}"

    def link(self, person):
        return person.get_absolute_url()

    def description(self, person):
        return person.description
