"""The archive as operators run it: DEBUG off, gunicorn, WhiteNoise serving collected static files."""
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from processes import ROOT, manage, project_env


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url, **headers):
    request = urllib.request.Request(url, headers={"Host": "news.example.org", **headers})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("prod")
    env = project_env(DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="news.example.org",
                      SECURE_SSL_REDIRECT="0", STATIC_ROOT=str(tmp / "static"),
                      DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}")
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        result = manage(*command, env=env)
        assert result.returncode == 0, result.stderr
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "2",
                               "newsdesk.wsgi"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            get(base + "/admin/login/")
            break
        except OSError:
            time.sleep(0.1)
    yield base
    server.terminate()
    server.wait(timeout=10)


def test_gunicorn_serves_the_admin_login_with_security_headers(production_server):
    status, headers, body = get(production_server + "/admin/login/")
    assert status == 200
    assert b"Newsdesk" in body
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_static_files_have_hashed_names_and_come_compressed_for_ever(production_server):
    status, headers, body = get(production_server + "/admin/login/")
    css = re.search(rb'href="(/static/admin/css/base\.[0-9a-f]{12}\.css)"', body)
    assert css, "the login page links the admin stylesheet by a hashed name"
    status, headers, _ = get(production_server + css.group(1).decode(), **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]


def test_an_unknown_host_is_refused(production_server):
    request = urllib.request.Request(production_server + "/admin/login/", headers={"Host": "evil.example"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request, timeout=10)
    assert err.value.code == 400
