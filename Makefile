# Two commands matter: `make run` and `make test`. Both work on a fresh clone with
# Python 3.11+ and make: they create .venv and install the pinned dependencies.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum requirements.lock | cut -d' ' -f1)
DEV_ENV := DEBUG=true
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint format lock messages clean

$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

run: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --no-input
	$(DEV_ENV) $(BIN)/python manage.py load_demo_data --with-users
	@echo "Serving on http://$(HOST):$(PORT)/"
	@echo "Admin: http://$(HOST):$(PORT)/admin/ as molndal.polis or sydvast.samordnare, password medborgarlofte-demo"
	$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

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
