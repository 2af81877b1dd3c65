# Headline: `make run` serves the demo newsroom, `make test` runs every check.
# Both create what they need (virtualenv, database, demo content) on a fresh machine.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed
# The page checkers the tests and `make audit` drive (Nu HTML Checker, axe-core, Lighthouse).
NODE_STAMP := node_modules/.installed

.PHONY: install checkers run serve test test-embedded test-services lint bench audit audit-deps demo screenshot clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=25.1"
	$(PY) -m pip install --quiet -e . --group dev
	touch $(STAMP)

install: $(STAMP)

# --ignore-scripts: vnu-jar's install script would fetch a Java runtime; Debian's is used instead.
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

checkers: $(NODE_STAMP)

demo: install
	$(PY) manage.py migrate --noinput
	SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)} $(PY) manage.py load_demo

# Tasks wait in the database and the server runs the task worker in a thread (see
# headline/core/management/commands/runserver.py): scheduled articles go live on time.
run: demo
	TASKS_BACKEND=django_tasks_db.DatabaseBackend $(PY) manage.py runserver 127.0.0.1:$(PORT)

# The production stack on loopback (deploy/serve.py): Varnish on http://127.0.0.1:8080 (PORT=…)
# in front of gunicorn, PostgreSQL, Redis and the task worker; Ctrl-C stops them all.
serve: install
	PORT=$(if $(filter file,$(origin PORT)),8080,$(PORT)) $(PY) deploy/serve.py

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	# Security linting: no finding of high severity in our code (bandit, PyCQA).
	$(VENV)/bin/bandit -q -r headline deploy benchmarks audit -x '*/migrations/*' --severity-level high
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

# The suite runs on the embedded default (SQLite, local-memory cache) and, when DATABASE_URL
# and REDIS_URL are set, again on PostgreSQL + Redis.
test: lint
	$(MAKE) test-embedded
	@if [ -n "$$DATABASE_URL" ] || [ -n "$$REDIS_URL" ]; then $(MAKE) test-services; \
	else echo "DATABASE_URL/REDIS_URL not set: PostgreSQL + Redis lane not run (CI sets them)."; fi

test-embedded: install checkers
	env -u DATABASE_URL -u REDIS_URL $(VENV)/bin/pytest

test-services: install checkers
	$(PY) -m tests.services_check
	$(VENV)/bin/pytest -m "not browser"

screenshot: install
	UPDATE_SCREENSHOTS=1 env -u DATABASE_URL -u REDIS_URL $(VENV)/bin/pytest tests/test_browser_article.py

# Not part of `make test` or CI. BENCH picks benchmarks and flags, e.g. `make bench BENCH=pages`
# or `make bench BENCH="pages --profile"`; the page benchmark names what it needs that is missing.
bench: install
	$(PY) -m benchmarks $(BENCH)

# Lighthouse on the demo article served by gunicorn with production settings (see audit/).
audit: install checkers
	$(PY) -m audit

# Known vulnerabilities in the installed, pinned dependencies. Needs each release's record in PyPI's
# JSON API or OSV, which the build machines do not reach (see README, Security): not in `make test`.
audit-deps: install
	$(VENV)/bin/pip-audit --strict --progress-spinner off

clean:
	rm -rf $(VENV) .serve node_modules db.sqlite3 db.sqlite3-wal db.sqlite3-shm media static_collected artifacts
