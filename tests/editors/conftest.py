"""Editors' fixtures: an editor made the way production makes one, and a logged-in client for them."""
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tests.conftest import make_article

from .helpers import BODY


@pytest.fixture
def editor(db):
    call_command("add_editor", "edith", "--password-from-stdin", stdin=io.StringIO("a long editor password 42\n"),
                 stdout=io.StringIO())
    return get_user_model().objects.get(username="edith")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def article(db):
    # Its own slug, in case the factories are loaded twice (two import modes), with two counters.
    return make_article(body=BODY, published=datetime.date(2024, 5, 1), slug="mao-ning-briefing")

