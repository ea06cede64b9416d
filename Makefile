# jiceng: the two commands are `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
# The PostgreSQL server `make test` also runs the suite against, when it answers.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/jiceng
VENDOR_STAMP := jiceng/static/vendor/.stamp

.PHONY: run test test-sqlite test-postgres lint install install-dev vendor migrate demo bench clean help

help:
	@echo "make run    - install, migrate, load the demo county and serve http://$(HOST):$(PORT)"
	@echo "make test   - install dev tools, lint, and run the whole suite on SQLite and PostgreSQL"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(PY)
	$(PIP) install --quiet -e ".[dev]"
	@touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(VENDOR_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	$(PYTHON) scripts/vendor_assets.py
	@touch $@

vendor: $(VENDOR_STAMP)

migrate: install vendor
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py demo --scale county --if-empty

run: demo
	$(PY) manage.py demo_accounts
	DEBUG=$${DEBUG:-1} $(PY) manage.py runserver $(HOST):$(PORT)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

test-sqlite: install-dev vendor
	$(PY) -m pytest --durations=15

test-postgres: install-dev vendor
	@if $(PY) scripts/db_reachable.py "$(TEST_DATABASE_URL)"; then \
		DATABASE_URL="$(TEST_DATABASE_URL)" $(PY) -m pytest --durations=15; \
	elif [ -n "$$REQUIRE_POSTGRES" ]; then \
		echo "PostgreSQL is not reachable at $(TEST_DATABASE_URL) and REQUIRE_POSTGRES is set."; exit 1; \
	else \
		echo "PostgreSQL not reachable at $(TEST_DATABASE_URL): skipping the PostgreSQL run."; \
	fi

test: lint test-sqlite test-postgres

bench: install-dev vendor
	$(PY) manage.py bench --scale $${SCALE:-city} --out var/bench.json

clean:
	rm -rf $(VENV) node_modules jiceng/static/vendor var/static
