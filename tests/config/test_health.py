"""Health checks answer without personal data and uncached; a dead database gives a styled 503."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_says_the_process_is_alive_and_is_never_cached(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_readyz_checks_the_database_and_the_cache(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_checks_answer_a_load_balancer_probing_by_ip_over_http(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")

    assert response.status_code == 200


# Runs in a clean interpreter whose only database cannot be reached.
PROBE = """
import json, os
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
import django
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
out = {}
for raise_errors in (True, False):
    client = Client(raise_request_exception=raise_errors)
    for url in ("/", "/en/", "/molndal/", "/molndal/molndals-innerstad/", "/healthz", "/readyz"):
        r = client.get(url)
        out[f"{url} {raise_errors}"] = [r.status_code, r.content.decode(), r.get("Cache-Control", "")]
# A visitor with a session cookie: the session middleware itself meets the dead database.
client = Client(raise_request_exception=False)
client.cookies["sessionid"] = "abc"
r = client.get("/")
out["session"] = [r.status_code, r.content.decode(), r.get("Cache-Control", "")]
print(json.dumps(out))
"""

DEAD_DATABASES = {
    "PostgreSQL port where nothing listens": "postgres://postgres@127.0.0.1:9/ml_nothing_here",
    "SQLite file in a directory that does not exist": "sqlite:////nonexistent/dir/db.sqlite3",
}


@pytest.mark.parametrize("database", DEAD_DATABASES)
def test_public_pages_answer_a_styled_503_when_the_database_is_down(database):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {
        "DATABASE_URL": DEAD_DATABASES[database],
        "DEBUG": "false",
        "SECRET_KEY": "x" * 60,
        "SECURE_SSL_REDIRECT": "false",
        "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "LOG_LEVEL": "CRITICAL",
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    pages = json.loads(result.stdout.splitlines()[-1])

    for key, (status, html, cache_control) in pages.items():
        url = key.split()[0]
        if url == "/healthz":
            assert status == 200
        elif url == "/readyz":
            assert status == 503
            assert json.loads(html)["checks"]["database"] == "unavailable"
        else:
            assert status == 503, key
            assert "Traceback" not in html
            assert 'rel="stylesheet"' in html
            assert "no-store" in cache_control
            if url.startswith("/en/"):
                assert "Temporarily unavailable" in html
            else:
                assert "Tillfälligt otillgänglig" in html
