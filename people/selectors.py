"""Reads for the people and organisation pages (statements come from articles.selectors)."""
from django.db.models import Prefetch, Q

from people.models import Membership, Organisation, Person

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def person_page():
    return Person.objects.prefetch_related(
        "names", Prefetch("memberships", queryset=Membership.objects.select_related("organisation"))
    )


def people_index(*, query="", letter=""):
    people = Person.objects.all()
    if query:
        people = people.filter(Q(name__icontains=query) | Q(names__name__icontains=query)).distinct()
    if letter:
        people = people.filter(sort_name__istartswith=letter)
    return people


def organisation_page():
    return Organisation.objects.select_related("parent").prefetch_related("names")


def member_ids(organisation):
    """A subquery, so that a large organisation does not put thousands of ids into the SQL."""
    return Membership.objects.filter(organisation=organisation).values("person_id")


def members(organisation):
    return list(
        Membership.objects.filter(organisation=organisation)
        .select_related("person")
        .order_by("person__sort_name", "person__name", "-start")
    )
