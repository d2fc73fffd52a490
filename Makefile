# Two commands matter: `make run` and `make test`. Both work on a fresh clone with
# Python 3.11+ and make: they create .venv and install the pinned dependencies.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum requirements.lock | cut -d' ' -f1)
DEV_ENV := DEBUG=true
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint format lock messages clean serve audit bench loadtest backup restore

$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# Links in e-mails (SITE_URL) point at the address actually served.
RUN_ENV := $(DEV_ENV) SITE_URL=http://$(HOST):$(PORT)

run: install
	$(RUN_ENV) $(BIN)/python manage.py migrate --no-input
	$(RUN_ENV) $(BIN)/python manage.py load_demo_data --with-users
	@echo "Serving on http://$(HOST):$(PORT)/"
	@echo "Admin: http://$(HOST):$(PORT)/admin/ as molndal.polis or sydvast.samordnare, password medborgarlofte-demo"
	$(RUN_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(DEV_ENV) $(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Regenerate the compiled translations from locale/*/LC_MESSAGES/django.po (needs gettext).
messages: install
	$(DEV_ENV) $(BIN)/python manage.py makemessages --locale sv --locale en --ignore .venv --no-obsolete
	$(DEV_ENV) $(BIN)/python manage.py compilemessages --ignore .venv

# Re-pin every dependency from pyproject.toml into requirements.lock (names and versions only).
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; \
		print('\n'.join(p['dependencies'] + [d for ds in p['optional-dependencies'].values() for d in ds]))" \
		> .lock-venv/wanted.txt
	.lock-venv/bin/python -m pip install --quiet -r .lock-venv/wanted.txt
	.lock-venv/bin/python -m pip freeze --all --exclude pip --exclude setuptools --exclude wheel \
		| LC_ALL=C sort -f > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles

# --- Production-like operation (issue 7) ----------------------------------------------------
# Settings like production, on your machine: DEBUG off, a local secret, no HTTPS redirect
# (plain http on 127.0.0.1), static files collected and served by WhiteNoise, gunicorn.
PROD_ENV := DEBUG=false SECRET_KEY=$${SECRET_KEY:-local-serve-$$(hostname)-not-a-real-secret-0123456789abcdef} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} SECURE_SSL_REDIRECT=false \
	SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false SECURE_HSTS_SECONDS=0
GUNICORN_WORKERS ?= 4

serve: install
	$(PROD_ENV) $(BIN)/python manage.py collectstatic --no-input -v0
	$(PROD_ENV) $(BIN)/python manage.py migrate --no-input
	@echo "Serving (production-like) on http://$(HOST):$(PORT)/"
	$(PROD_ENV) GUNICORN_BIND=$(HOST):$(PORT) GUNICORN_WORKERS=$(GUNICORN_WORKERS) \
		$(BIN)/gunicorn --config config/gunicorn.conf.py config.wsgi

# Known vulnerabilities in the pinned dependencies (pip-audit; see .ci/audit.py).
audit: install
	$(BIN)/python .ci/audit.py

# Benchmarks (never in `make test` or CI): server time, queries and bytes per page at two data
# sizes, then gunicorn under wrk. Both write bench/results.md. Set DATABASE_URL for PostgreSQL.
bench: install
	$(BIN)/python -m pytest bench/test_pages.py -p pytest_benchmark.plugin --benchmark-only --create-db \
		--benchmark-columns=median,min,max,rounds --benchmark-sort=name $(PYTEST_ARGS)

loadtest: install
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } \
		|| { echo "loadtest needs wrk: apt-get install wrk" >&2; exit 1; }
	$(PROD_ENV) $(BIN)/python bench/loadtest.py

# Backups: pg_dump custom format on PostgreSQL, JSON (dumpdata) on SQLite; DATABASE_URL decides.
BACKUP ?= backups/medborgarloften-$(shell date +%Y%m%d-%H%M%S).$(if $(findstring postgres,$(DATABASE_URL)),dump,json)
backup: install
	$(if $(SECRET_KEY),,$(DEV_ENV)) $(BIN)/python manage.py backup_data $(BACKUP)

restore: install
	@test -n "$(FROM)" || { echo "usage: make restore FROM=backups/<file>" >&2; exit 1; }
	$(if $(SECRET_KEY),,$(DEV_ENV)) $(BIN)/python manage.py restore_data $(FROM)
