# The portal's runbook. `make run` serves it on SQLite; `make test` runs every check CI runs.
PYTHON ?= python3
UV = $(PYTHON) -m uv
MANAGE = $(UV) run --frozen manage.py
POSTGRES_TEST_URL ?= postgres://postgres@127.0.0.1:5432/erasmus_portal

.PHONY: install test-tools run test lint test-sqlite test-postgres messages

install:
	$(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen

# The Nu HTML Checker for the browser tests (Java runs it).
test-tools: install
	[ -d node_modules/vnu-jar ] || npm ci --no-audit --no-fund --loglevel=error

run: install
	DJANGO_DEBUG=true $(MANAGE) migrate --no-input
	DJANGO_DEBUG=true $(MANAGE) load_programme
	DJANGO_DEBUG=true $(MANAGE) runserver 127.0.0.1:8000

lint: install
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .
	DJANGO_DEBUG=true $(MANAGE) makemigrations --check --dry-run

test-sqlite: test-tools
	env -u DATABASE_URL $(UV) run --frozen pytest

test-postgres: test-tools
	DATABASE_URL=$(POSTGRES_TEST_URL) $(UV) run --frozen pytest

test: lint test-sqlite test-postgres

# Needs GNU gettext (apt-get install gettext); the compiled .mo files are committed.
messages:
	DJANGO_DEBUG=true $(MANAGE) makemessages -l nl --no-obsolete --add-location file -i node_modules -i .venv
	DJANGO_DEBUG=true $(MANAGE) compilemessages -l nl -i .venv -i node_modules
