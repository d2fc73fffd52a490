"""Settings come from the environment, with a clear error when production needs a secret."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _settings(env):
    """Import the settings module in a clean interpreter with `env`; return its output."""
    clean = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}
    }
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings';"
        "from django.conf import settings;"
        "print(settings.DATABASES['default']['ENGINE']);"
        "print(settings.DATABASES['default'].get('NAME'));"
        "print(settings.DEBUG)"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean | env, capture_output=True, text=True
    )


def test_database_url_picks_postgresql():
    result = _settings(
        {"DEBUG": "true", "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/medborgarloften"}
    )

    assert result.returncode == 0, result.stderr
    engine, name, _ = result.stdout.split()
    assert engine == "django.db.backends.postgresql"
    assert name == "medborgarloften"


def test_without_database_url_it_uses_a_sqlite_file():
    result = _settings({"DEBUG": "true"})

    engine, name, _ = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert name.endswith("db.sqlite3")


def test_debug_is_off_unless_set():
    result = _settings({"SECRET_KEY": "x" * 50})

    assert result.stdout.split()[-1] == "False"


@pytest.mark.parametrize("debug", ["", "false"])
def test_a_missing_secret_key_with_debug_off_is_a_clear_startup_error(debug):
    result = _settings({"DEBUG": debug} if debug else {})

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set when DEBUG is off" in result.stderr


def _options(env):
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL"}}
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings';"
        "from django.conf import settings;"
        "print(sorted(settings.DATABASES['default'].get('OPTIONS', {}).items()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean | {"DEBUG": "true"} | env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_postgresql_prepares_statements_unless_a_pooler_needs_them_off():
    url = {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/medborgarloften"}

    assert _options(url) == "[('prepare_threshold', 2), ('server_side_binding', True)]"
    assert _options(url | {"DATABASE_PREPARED_STATEMENTS": "false"}) == "[]"
    assert _options({}) == "[]"  # SQLite
