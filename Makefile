# Newsdesk: `make run` serves the archive with the sample articles, `make test` runs every test.
# Both set up what they need on a fresh clone and are safe to run again.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-fast setup browser lint migrate samples editor clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Newsdesk needs Python 3.11 or newer: set PYTHON=python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstalled only when requirements.txt changes.
$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

setup: $(VENV)/.installed

migrate: setup
	$(MANAGE) migrate --noinput

samples: migrate
	$(MANAGE) import_articles articles/samples/*.txt

# A local editor account; its password is kept in .editor-password (git ignores it) so it can be shown again.
editor: migrate
	@test -s .editor-password || $(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(12))' > .editor-password
	@chmod 600 .editor-password
	@$(MANAGE) add_editor editor --password-from-stdin < .editor-password
	@echo "Editors log in at http://$(HOST):$(PORT)/admin/ as 'editor' with password: $$(cat .editor-password)"

run: samples editor
	$(MANAGE) runserver $(HOST):$(PORT)

# Debian's Chromium for the browser tests; installed when missing and we may (root).
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "warning: /usr/bin/chromium is missing (apt-get install chromium): browser tests will be skipped"; fi; }

test: setup browser
	$(BIN)/python -m pytest

# Everything but the browser tests, for a quick loop while working.
test-fast: setup
	$(BIN)/python -m pytest -m "not browser"

lint: setup
	$(BIN)/python -m ruff check .
	$(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf $(VENV) staticfiles artifacts .pytest_cache
