"""Bulk tagging from the changelists, and tag suggestions in the forms."""
import pytest
from django.urls import reverse

from people.models import Person
from tests.conftest import make_article, make_person

from .helpers import action, quote

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["statement", "person", "article"])
def test_bulk_tagging_asks_for_tags_then_adds_them(editor_client, article, model):
    if model == "statement":
        objects = [quote(article, "This is a warning"), quote(article, "We will not accept any interference")]
    elif model == "person":
        objects = [make_person(), make_person()]
    else:
        objects = [article, make_article()]
    objects[0].tags.add("China")
    url = reverse(f"admin:{objects[0]._meta.app_label}_{model}_changelist")

    page = action(editor_client, url, "add_tags_action", objects)
    assert page.status_code == 200
    assert "Add tags to 2 selected" in page.content.decode()

    response = action(editor_client, url, "add_tags_action", objects, apply="1", tags="china, trade war")

    assert response.status_code == 302
    for obj in objects:
        assert sorted(obj.tags.names()) == ["China", "trade war"]


def test_the_tag_input_suggests_existing_tags(editor_client):
    person = make_person()
    Person.objects.get(pk=person.pk).tags.add("diplomacy")
    html = editor_client.get(reverse("admin:people_person_change", args=[person.pk])).content.decode()
    assert 'list="id_tags_suggestions"' in html
    assert '<option value="diplomacy">' in html
