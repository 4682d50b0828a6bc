"""Editors work in the admin: every page loads for staff, and nothing of it for anyone else."""
import pytest
from admin_forms import form_data
from conftest import make_organisation, make_person, make_statement
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import reverse

from articles.models import Article, Outlet, Statement
from people.models import Organisation, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = User.objects.create_superuser("chief", "chief@example.org", "x")
    client.force_login(user)
    return client


@pytest.fixture
def one_of_everything():
    statement = make_statement(
        text="We will build it", person=make_person("Ada Obi"), organisation=make_organisation("Port Authority")
    )
    statement.person.names.create(name="Ada N. Obi")
    statement.person.memberships.create(role="harbour master", organisation=statement.organisation)
    statement.organisation.names.create(name="PA")
    statement.article.authorships.create(person=make_person("Sam Reed"))
    Outlet.objects.create(name="Harbour Times", slug="harbour-times")
    return statement


def admin_urls():
    for model in admin.site._registry:
        yield model, f"admin:{model._meta.app_label}_{model._meta.model_name}"


def test_every_admin_page_of_every_model_loads_for_staff(staff, one_of_everything, rf):
    request = rf.get("/")
    request.user = User.objects.get(username="chief")
    checked = 0
    for model, info in admin_urls():
        model_admin = admin.site._registry[model]
        assert staff.get(reverse(f"{info}_changelist")).status_code == 200, info
        if model_admin.has_add_permission(request):
            assert staff.get(reverse(f"{info}_add")).status_code == 200, info
        obj = model._default_manager.first()
        if obj is None:
            continue
        views = ["change", "history"] + (["delete"] if model_admin.has_delete_permission(request, obj) else [])
        for view in views:
            response = staff.get(reverse(f"{info}_{view}", args=[obj.pk]))
            assert response.status_code == 200, (info, view)
        checked += 1
    assert checked >= 8


def test_an_anonymous_visitor_is_sent_to_the_login_from_every_admin_page(client, one_of_everything):
    login = reverse("admin:login")
    for model, info in admin_urls():
        urls = [reverse(f"{info}_changelist"), reverse(f"{info}_add")]
        obj = model._default_manager.first()
        if obj is not None:
            urls.append(reverse(f"{info}_change", args=[obj.pk]))
        for url in urls:
            response = client.get(url)
            assert response.status_code == 302 and response["Location"].startswith(login), url


def test_staff_create_and_edit_a_person_through_the_admin(staff):
    url = reverse("admin:people_person_add")
    response = staff.post(url, form_data(staff.get(url), name="Ada Obi", slug="ada-obi", description="Harbour master",
                                         **{"names-0-name": "Ada N. Obi"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    person = Person.objects.get(slug="ada-obi")
    assert [n.name for n in person.names.all()] == ["Ada N. Obi"]
    change = reverse("admin:people_person_change", args=[person.pk])
    assert staff.post(change, form_data(staff.get(change), description="Port director")).status_code == 302
    person.refresh_from_db()
    assert person.description == "Port director"
    assert person.history.count() == 2


def test_staff_create_and_edit_an_organisation_through_the_admin(staff):
    url = reverse("admin:people_organisation_add")
    data = form_data(staff.get(url), name="Shanghai Cooperation Organisation", slug="sco", acronym="SCO",
                     kind="intergovernmental", **{"names-0-name": "Shanghai Cooperation Organization"})
    assert staff.post(url, data).status_code == 302
    org = Organisation.objects.get(slug="sco")
    assert org.names.get().normalised == org.names.get().normalised.casefold()
    change = reverse("admin:people_organisation_change", args=[org.pk])
    assert staff.post(change, form_data(staff.get(change), acronym="S.C.O.")).status_code == 302
    org.refresh_from_db()
    assert org.acronym == "S.C.O."


def test_staff_create_and_edit_an_article_and_a_statement_through_the_admin(staff):
    author = make_person("Sam Reed")
    body = "“We will build it,” the mayor said.\n\nWork starts in May."
    url = reverse("admin:articles_article_add")
    data = form_data(staff.get(url), headline="Harbour to grow", slug="harbour-to-grow", body=body,
                     content_hash="a" * 64, published="2024-03-01",
                     **{"authorships-0-person": author.pk, "authorships-0-position": 0})
    response = staff.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get(slug="harbour-to-grow")
    assert list(article.authors.all()) == [author]

    url = reverse("admin:articles_statement_add")
    data = form_data(staff.get(url), article=article.pk, text="We will build it", kind="direct", cue="said",
                     speaker_label="the mayor", start=1, end=17, said_on="2024-03-01", status="unreviewed",
                     confidence=1)
    assert staff.post(url, data).status_code == 302
    statement = Statement.objects.get(article=article)
    change = reverse("admin:articles_statement_change", args=[statement.pk])
    assert staff.post(change, form_data(staff.get(change), status="verified")).status_code == 302
    statement.refresh_from_db()
    assert statement.status == "verified"
