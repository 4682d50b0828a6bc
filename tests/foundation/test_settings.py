"""Operators configure the archive from the environment; production fails fast when it is incomplete."""
import secrets

import pytest
from processes import manage, project_env


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_a_secret_key_or_allowed_hosts(missing):
    env = {"DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "news.example.org"}
    del env[missing]
    result = manage("check", env=project_env(**env))
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_production_settings_pass_the_deployment_checklist():
    env = project_env(DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="news.example.org")
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_development_needs_nothing_set():
    result = manage("check")
    assert result.returncode == 0, result.stderr
