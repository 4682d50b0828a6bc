"""Merging duplicate people and organisations: confirmation, what moves, the 301, history, undo."""
import io

import pytest
from django.contrib.redirects.models import Redirect
from django.core.management import call_command
from django.urls import reverse

from articles.models import Authorship, Statement
from people.models import Membership, Merge, Organisation, OrganisationName, Person, PersonName
from people.services import merge_people
from tests.conftest import make_article, make_organisation, make_person

from .helpers import action, quote

PEOPLE = reverse("admin:people_person_changelist")
ORGANISATIONS = reverse("admin:people_organisation_changelist")
MERGES = reverse("admin:people_merge_changelist")

pytestmark = pytest.mark.django_db


@pytest.fixture
def twins(article):
    """Mao Ning twice over: the survivor with one statement, the duplicate with everything."""
    survivor = make_person("Mao Ning", slug="mao-ning")
    duplicate = make_person("Mao  Ning (spokeswoman)", slug="mao-ning-2", notes="imported twice")
    ministry = make_organisation("Foreign Ministry")
    quote(article, "This is a warning", person=survivor)
    moved = quote(article, "We will not accept any interference", person=duplicate)
    Membership.objects.create(person=duplicate, organisation=ministry, role="spokeswoman")
    Authorship.objects.create(article=article, person=duplicate)
    other = make_article()
    Authorship.objects.create(article=other, person=survivor)
    Authorship.objects.create(article=other, person=duplicate)  # a byline the survivor already has
    PersonName.objects.create(person=survivor, name="毛宁")
    PersonName.objects.create(person=duplicate, name="毛宁")  # a spelling the survivor already has
    PersonName.objects.create(person=duplicate, name="Mao N.")
    survivor.tags.add("china")
    duplicate.tags.add("china", "diplomacy")
    return survivor, duplicate, moved


def test_the_confirmation_page_shows_what_will_move(editor_client, twins):
    survivor, duplicate, _ = twins

    page = action(editor_client, PEOPLE, "merge_selected", [survivor, duplicate])

    assert page.status_code == 200
    assert page.templates[0].name == "admin/people/merge_confirmation.html"
    counts = dict(page.context["candidates"])[duplicate]
    assert dict(counts) == {
        "person names": 2, "memberships": 1, "statements": 1, "authorships": 2, "tags": 2,
        "earlier merges into it": 0,
    }
    assert Person.objects.filter(pk=duplicate.pk).exists()  # nothing happened yet


def test_merge_moves_everything_redirects_and_keeps_history(editor_client, editor, twins):
    survivor, duplicate, moved = twins

    response = action(editor_client, PEOPLE, "merge_selected", [survivor, duplicate],
                      apply="1", survivor=survivor.pk)

    assert response.status_code == 302
    assert not Person.objects.filter(pk=duplicate.pk).exists()
    moved.refresh_from_db()
    assert moved.person == survivor
    assert moved.history.first().person_id == survivor.pk
    assert moved.history.first().history_user == editor
    assert Membership.objects.get(role="spokeswoman").person == survivor
    assert Authorship.objects.filter(person=survivor).count() == 2
    assert set(survivor.names.values_list("name", flat=True)) == {"Mao  Ning (spokeswoman)", "Mao N.", "毛宁"}
    assert set(survivor.tags.names()) == {"china", "diplomacy"}
    deleted = Person.history.filter(id=duplicate.pk).first()
    assert deleted.history_type == "-" and deleted.history_user == editor

    old = editor_client.get("/people/mao-ning-2/")
    assert old.status_code == 301
    assert old["Location"] == "/people/mao-ning/"
    assert Merge.objects.get().made_by == editor


def test_undo_restores_everything(editor_client, twins):
    survivor, duplicate, moved = twins
    before = {
        "names": set(PersonName.objects.values_list("pk", "person_id", "name")),
        "authorships": set(Authorship.objects.values_list("pk", "person_id", "article_id")),
        "memberships": set(Membership.objects.values_list("pk", "person_id")),
        "statements": set(Statement.objects.values_list("pk", "person_id")),
        "tags": {(p.pk, tuple(sorted(p.tags.names()))) for p in Person.objects.all()},
        "person": Person.objects.filter(pk=duplicate.pk).values().get(),
    }
    action(editor_client, PEOPLE, "merge_selected", [survivor, duplicate], apply="1", survivor=survivor.pk)

    response = action(editor_client, MERGES, "undo", [Merge.objects.get()])

    assert response.status_code == 302
    restored = Person.objects.get(pk=duplicate.pk)
    assert restored.slug == "mao-ning-2" and restored.notes == "imported twice"
    assert Person.objects.filter(pk=duplicate.pk).values().get() == before["person"]
    assert set(PersonName.objects.values_list("pk", "person_id", "name")) == before["names"]
    assert set(Authorship.objects.values_list("pk", "person_id", "article_id")) == before["authorships"]
    assert set(Membership.objects.values_list("pk", "person_id")) == before["memberships"]
    assert set(Statement.objects.values_list("pk", "person_id")) == before["statements"]
    assert {(p.pk, tuple(sorted(p.tags.names()))) for p in Person.objects.all()} == before["tags"]
    assert not Redirect.objects.exists()
    assert Merge.objects.get().undone_at is not None
    # The restored person answers at their own address again, no longer redirected.
    assert editor_client.get("/people/mao-ning-2/").status_code == 200
    # undoing twice is refused, politely
    again = editor_client.post(MERGES, {"action": "undo", "_selected_action": [Merge.objects.get().pk]}, follow=True)
    assert "already been undone" in again.content.decode()
    assert Person.objects.filter(slug="mao-ning-2").count() == 1


def test_a_chain_of_merges_redirects_the_oldest_address_to_the_last_survivor(twins):
    survivor, duplicate, _ = twins
    third = make_person("Ning Mao", slug="ning-mao")
    merge_people(survivor=survivor, duplicates=[duplicate], user=None)
    merge_people(survivor=third, duplicates=[survivor], user=None)
    assert Redirect.objects.get(old_path="/people/mao-ning-2/").new_path == "/people/ning-mao/"
    assert Redirect.objects.get(old_path="/people/mao-ning/").new_path == "/people/ning-mao/"


def test_organisations_merge_with_their_names_and_acronym(editor_client, article):
    survivor = make_organisation("Shanghai Cooperation Organisation", slug="sco")
    duplicate = make_organisation("Shanghai Cooperation Organization", slug="sco-2", acronym="SCO")
    statement = quote(article, "This is a warning", person=None, organisation=duplicate)
    OrganisationName.objects.create(organisation=duplicate, name="ШОС")

    action(editor_client, ORGANISATIONS, "merge_selected", [survivor, duplicate], apply="1", survivor=survivor.pk)

    statement.refresh_from_db()
    assert statement.organisation == survivor
    # "Organization" is the survivor's name spelt the other way: not stored again.
    assert set(survivor.names.values_list("name", flat=True)) == {"SCO", "ШОС"}
    assert editor_client.get("/organisations/sco-2/")["Location"] == "/organisations/sco/"

    action(editor_client, MERGES, "undo", [Merge.objects.get()])
    assert Organisation.objects.get(slug="sco-2").acronym == "SCO"
    statement.refresh_from_db()
    assert statement.organisation.slug == "sco-2"


def test_the_command_merges_by_slug_and_dry_run_changes_nothing(twins):
    survivor, duplicate, moved = twins
    out = io.StringIO()

    call_command("merge_people", "mao-ning", "mao-ning-2", "--dry-run", stdout=out)

    assert "1 statements" in out.getvalue() and "Dry run" in out.getvalue()
    assert Person.objects.filter(slug="mao-ning-2").exists() and not Merge.objects.exists()

    call_command("merge_people", "mao-ning", "mao-ning-2", stdout=out)
    assert not Person.objects.filter(slug="mao-ning-2").exists()
    moved.refresh_from_db()
    assert moved.person == survivor


def test_the_command_refuses_unknown_slugs():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no-such-person"):
        call_command("merge_people", "no-such-person", "nobody", stdout=io.StringIO())



def test_the_survivor_takes_what_it_lacks_and_gives_it_back_on_undo(editor_client):
    survivor = make_person("Mao Ning", slug="mao-ning")
    duplicate = make_person("Ning Mao", slug="ning-mao", wikidata_id="Q123", description="spokeswoman")

    merge = merge_people(survivor=survivor, duplicates=[duplicate], user=None)[0]

    survivor.refresh_from_db()
    assert (survivor.wikidata_id, survivor.description) == ("Q123", "spokeswoman")
    assert survivor.history.first().history_change_reason == "Merged Ning Mao into Mao Ning"

    action(editor_client, MERGES, "undo", [merge])

    survivor.refresh_from_db()
    assert (survivor.wikidata_id, survivor.description) == (None, "")
    assert Person.objects.get(slug="ning-mao").wikidata_id == "Q123"
