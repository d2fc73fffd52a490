"""`manage.py check --deploy` passes with production settings taken from the environment."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "a-production-like-secret-key-4f8b2c9e1d7a6b5c3e0f9a8b7c6d5e4f3a2b1c0d",
    "ALLOWED_HOSTS": "medborgarloften.example.se",
    "DATABASE_URL": "sqlite:///:memory:",
}


def _environment(extra=None):
    keep = {
        k: v for k, v in os.environ.items() if not k.startswith(("SECURE_", "SESSION_", "CSRF_"))
    }
    keep.pop("PUBLIC_PAGE_CACHE_SECONDS", None)
    keep.pop("LOG_FORMAT", None)
    keep.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests in this process
    return keep | PRODUCTION | (extra or {})


def production_settings(names):
    """The values of the named settings with DEBUG off, each printed on one line."""
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings';"
        "from django.conf import settings;"
        f"[print(getattr(settings, name)) for name in {names.split()!r}]"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=_environment(), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_check_deploy_passes_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_environment(),
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_fails_when_hsts_is_turned_off():
    """The test above can fail: a weakened setting is reported."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_environment({"SECURE_HSTS_SECONDS": "0"}),
        capture_output=True,
        text=True,
    )

    assert result.returncode != 0
    assert "security.W004" in result.stdout + result.stderr
