"""Resolves the people and organisations an article names to records, creating the new ones.

Part of the import service: one Linker per article, or per batch of new articles, looks every
name up in a few queries (PersonName/OrganisationName by matching key, then the records' own
names), creates what is missing in bulk with its history, and records the roles printed beside
each name.
"""
from functools import lru_cache

from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.text import slugify

from articles.bulk import create_with_history
from people import names
from people.models import Membership, Organisation, OrganisationName, Person, PersonName

# One article asks for the key of each spelling many times, and a batch sees the same names again
# and again; the keys are pure functions of the text, so they are computed once.
normalise_name = lru_cache(maxsize=65536)(names.normalise_name)
organisation_key = lru_cache(maxsize=65536)(names.organisation_key)


def fit(text, model, field):
    """Text cut to the column's length, so that one long role does not fail a whole article."""
    return (text or "").strip()[: model._meta.get_field(field).max_length]


def unique_slugs(model, names):
    """A free slug for each name: the slugified name, or with -2, -3 … when it is taken."""
    bases = [slugify(name)[:200] or model._meta.model_name for name in names]
    similar = Q()
    for base in set(bases):
        similar |= Q(slug__startswith=base)
    taken = set(model.objects.filter(similar).order_by().values_list("slug", flat=True))
    slugs = []
    for base in bases:
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


class Linker:
    """The people and organisations of one article or batch; `created_people` and
    `created_organisations` count what it added to the archive."""

    def __init__(self, *, people, organisation_groups):
        """people: every name to resolve, with the description to give a new person ("" for none).
        organisation_groups: for each article, lists of spellings that name one organisation
        (canonical name first, then the acronym and other spellings)."""
        self.created_people = self.created_organisations = 0
        self._people = self._resolve_people({n: d for n, d in people.items() if normalise_name(n)})
        self._organisations = self._resolve_organisations(organisation_groups)

    def person(self, name):
        return self._people.get(normalise_name(name or "")) if name else None

    def organisation(self, name):
        return self._organisations.get(organisation_key(name or "")) if name else None

    def _resolve_people(self, descriptions):
        keys = {}
        for name in descriptions:
            keys.setdefault(normalise_name(name), name)
        found = {}
        if not keys:
            return found
        for alias in PersonName.objects.filter(normalised__in=keys).select_related("person").order_by("person_id"):
            found.setdefault(alias.normalised, alias.person)
        lowered = {n.lower() for key, n in keys.items() if key not in found}
        if lowered:
            # People entered by editors may have no PersonName row: their own name counts too.
            for person in Person.objects.alias(lname=Lower("name")).filter(lname__in=lowered).order_by("pk"):
                found.setdefault(normalise_name(person.name), person)
        new = [(key, name) for key, name in keys.items() if key not in found]
        if new:
            people = [
                Person(name=fit(name, Person, "name"), slug=slug, sort_name=_sort_name(name),
                       description=fit(descriptions[name], Person, "description"))
                for (_, name), slug in zip(new, unique_slugs(Person, [n for _, n in new]), strict=True)
            ]
            people = create_with_history(Person, people)
            PersonName.objects.bulk_create(
                PersonName(person=p, name=p.name, normalised=key) for (key, _), p in zip(new, people, strict=True)
            )
            found.update((key, p) for (key, _), p in zip(new, people, strict=True))
            self.created_people = len(people)
        return found

    def _resolve_organisations(self, articles):
        # Each article's groups are merged first, as the acronym of an organisation comes from the
        # way one article names it ("FBI" alone in one, "Federal Bureau of Investigation (FBI)" in another).
        named = [g for groups in articles for g in _merge([[s for s in dict.fromkeys(g) if organisation_key(s)]
                                                            for g in groups])]
        groups = _merge(named)
        keys = {organisation_key(s) for g in groups for s in g}
        found, known = {}, set()
        if not keys:
            return found
        aliases = OrganisationName.objects.filter(normalised__in=keys).select_related("organisation").order_by("pk")
        for alias in aliases:
            found.setdefault(alias.normalised, alias.organisation)
            known.add((alias.organisation_id, alias.normalised))
        lowered = {s.lower() for g in groups for s in g if organisation_key(s) not in found}
        if lowered:
            for org in Organisation.objects.alias(lname=Lower("name")).filter(lname__in=lowered).order_by("pk"):
                found.setdefault(organisation_key(org.name), org)
        new_groups = []
        for group in groups:
            org = next((found[k] for k in map(organisation_key, group) if k in found), None)
            if org is None:
                new_groups.append(group)
            else:
                found.update((organisation_key(s), org) for s in group)
        if new_groups:
            orgs = [
                Organisation(name=fit(g[0], Organisation, "name"), slug=slug, acronym=_acronym(g))
                for g, slug in zip(new_groups, unique_slugs(Organisation, [g[0] for g in new_groups]), strict=True)
            ]
            for group, org in zip(new_groups, create_with_history(Organisation, orgs), strict=True):
                found.update((organisation_key(s), org) for s in group)
            self.created_organisations = len(orgs)
        # Every spelling printed becomes a name of its organisation, so the next article finds it.
        spellings = {}
        for group in groups:
            for spelling in group:
                key = organisation_key(spelling)
                org = found[key]
                if (org.pk, key) not in known:
                    spellings.setdefault((org.pk, key), OrganisationName(
                        organisation=org, name=fit(spelling, OrganisationName, "name"), normalised=key))
        OrganisationName.objects.bulk_create(spellings.values())
        for group in named:
            org = found[organisation_key(group[0])]
            if not org.acronym and (acronym := _acronym(group)):
                org.acronym = acronym
                org.save(update_fields=["acronym", "updated_at"])
        return found

    def add_memberships(self, *, found):
        """One membership per distinct role and organisation of each person, learned from the first
        article of `found` (pairs of an article and the person mentions in it) that gives it; none
        for a role the person already holds. Fills an empty description from a mention."""
        wanted = {}
        for article, mentions in found:
            for mention in mentions:
                person = self.person(mention.name)
                if person is None:
                    continue
                for role, org_name in mention.roles:
                    org = self.organisation(org_name)
                    role = fit(role, Membership, "role")
                    if role or org:
                        wanted.setdefault((person.pk, role.casefold(), org and org.pk), (person, role, org, article))
                if mention.description and not person.description:
                    person.description = fit(mention.description, Person, "description")
                    person.save(update_fields=["description", "updated_at"])
        if not wanted:
            return
        held = Membership.objects.filter(person_id__in={k[0] for k in wanted}).order_by().values_list(
            "person_id", "role", "organisation_id"
        )
        for person_id, role, org_id in held:
            wanted.pop((person_id, role.casefold(), org_id), None)
        memberships = [
            Membership(person=person, role=role, organisation=org, source_article=article)
            for person, role, org, article in wanted.values()
        ]
        create_with_history(Membership, memberships)


def _merge(groups):
    """Groups of spellings that share a matching key become one, named by the earliest group.
    An index from key to group keeps this linear: a batch brings thousands of groups."""
    merged, index = [], {}  # key -> the earliest merged group holding a spelling with that key
    for group in filter(None, groups):
        keys = {organisation_key(s) for s in group}
        hits = [index[k] for k in keys if k in index]
        if hits:
            target = min(hits)
            merged[target].extend(s for s in group if s not in merged[target])
        else:
            target = len(merged)
            merged.append(list(group))
        index.update(dict.fromkeys(keys, target))
    return merged


def _sort_name(name):
    # As Person.save() does it; bulk_create does not call save().
    parts = name.rsplit(" ", 1)
    return f"{parts[1]}, {parts[0]}" if len(parts) == 2 else name


def _acronym(group):
    """The all-capitals spelling of a group, e.g. "SCO"."""
    return next((s for s in group[1:] if s.isupper() and " " not in s and len(s) <= 40), "")
