"""Who may do what: the Editors group, add_editor, staff-only admin, and lockout after failed logins."""
import io

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from articles.models import Statement

from .helpers import action, quote

pytestmark = pytest.mark.django_db

EXPECTED = {
    f"{app}.{action}_{model}"
    for app, model, actions in [
        ("articles", "article", "view add change"),
        ("articles", "statement", "view add change"),
        ("articles", "outlet", "view add change"),
        ("articles", "correction", "view add change"),
        ("articles", "authorship", "view add change delete"),
        ("people", "person", "view add change"),
        ("people", "organisation", "view add change"),
        ("people", "personname", "view add change delete"),
        ("people", "organisationname", "view add change delete"),
        ("people", "membership", "view add change delete"),
        ("taggit", "tag", "view add change delete"),
    ]
    for action in actions.split()
}


def test_the_editors_group_exists_after_migrate_with_exactly_the_listed_permissions():
    group = Group.objects.get(name="Editors")
    granted = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
    assert granted == EXPECTED
    assert not any(p.split(".")[0] in {"auth", "axes", "admin", "sessions"} for p in granted)


def test_add_editor_creates_a_staff_editor_with_a_printed_password_and_is_harmless_twice():
    out = io.StringIO()
    call_command("add_editor", "ed", "--email", "ed@example.org", stdout=out)
    password = out.getvalue().split("Password: ")[1].strip()
    user = get_user_model().objects.get(username="ed")
    assert user.is_staff and not user.is_superuser and user.email == "ed@example.org"
    assert user.check_password(password)
    assert list(user.groups.values_list("name", flat=True)) == ["Editors"]

    again = io.StringIO()
    call_command("add_editor", "ed", stdout=again)
    user.refresh_from_db()
    assert user.check_password(password)  # unchanged
    assert "Password unchanged" in again.getvalue()
    assert user.groups.count() == 1


def test_add_editor_refuses_a_weak_password():
    with pytest.raises(CommandError):
        call_command("add_editor", "ed", "--password-from-stdin", stdin=io.StringIO("123\n"), stdout=io.StringIO())


def test_an_editor_can_review_but_not_manage_users(editor_client, editor, article):
    statement = quote(article, "This is a warning")
    assert editor_client.get(reverse("admin:articles_reviewitem_changelist")).status_code == 200
    action(editor_client, reverse("admin:articles_reviewitem_changelist"), "verify", [statement])
    statement.refresh_from_db()
    assert statement.status == Statement.Status.VERIFIED

    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_group_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:people_merge_changelist")).status_code == 200


def every_admin_page():
    yield reverse("admin:index")
    for model in admin.site._registry:
        opts = model._meta
        yield reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        yield reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        yield reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[1])


def test_anonymous_visitors_are_sent_to_the_login_page_from_every_admin_page(client):
    for url in every_admin_page():
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url


def test_a_staff_user_without_editor_rights_sees_nothing(client):
    user = get_user_model().objects.create_user("visitor", password="x", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("admin:articles_reviewitem_changelist")).status_code == 403


def test_the_sixth_login_attempt_is_refused_even_with_the_right_password(client, editor):
    login = reverse("admin:login")
    statuses = [
        client.post(login, {"username": "edith", "password": "wrong", "next": "/admin/"}).status_code
        for _ in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]  # the form with an error, then the fifth failure locks

    response = client.post(login, {"username": "edith", "password": "a long editor password 42", "next": "/admin/"})

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302
