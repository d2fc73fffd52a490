"""The page cache across processes and hosts: two gunicorn servers (two application hosts,
two workers each) on one database and one shared cache (here the database cache,
CACHE_URL=dbcache://...; Redis the same way) serve an edit made through either at once, and
keep the other locality's pages cached. And the system check that warns of a page cache in
each process's own memory."""

import html.parser
import http.cookiejar
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from config.cache import check_page_cache_is_shared

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "ett-langt-testlosenord-42"
PREPARE = """
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("createcachetable")
"""
SETUP = f"""
from django.contrib.auth import get_user_model
from promises.models import Locality, Promise
for name, slug in (("Mölndal", "molndal"), ("Kungälv", "kungalv")):
    locality = Locality.objects.create(name=name, slug=slug, kind=Locality.Kind.MUNICIPALITY)
    Promise.objects.create(
        locality=locality, title=f"Trygg i {{name}}", slug=f"trygg-i-{{slug}}",
        state=Promise.State.PUBLISHED, starts_on="2025-01-01", ends_on="2027-12-31",
    )
get_user_model().objects.create_superuser("redaktor", "r@example.se", {PASSWORD!r})
"""


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Form(html.parser.HTMLParser):
    """The values a browser would send from the page's main form (the admin's change form)."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.data = form_id, False, []
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = self.form_id is None or a.get("id") == self.form_id
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self.data.append((name, a.get("value") or ("on" if "checked" in a else "")))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.data.append((self._select, a.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.data.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "form":
            self.inside = False


class Host:
    """One application host: a gunicorn server with its own workers."""

    def __init__(self, env, logs):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(logs / f"gunicorn-{self.port}.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi"],
            cwd=ROOT,
            env=env | {"GUNICORN_BIND": f"127.0.0.1:{self.port}", "GUNICORN_WORKERS": "2"},
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.cookies = http.cookiejar.CookieJar()  # the editor's
        self.editor = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        for _ in range(200):
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=2)  # noqa: S310
                return
            except OSError:
                time.sleep(0.1)
        raise AssertionError(f"gunicorn on {self.port} did not start")

    def anonymous_get(self, path):
        """(X-Cache, body) of an anonymous visit, without cookies."""
        with urllib.request.urlopen(self.base + path, timeout=10) as response:  # noqa: S310
            return response.headers["X-Cache"], response.read().decode()

    def _csrf(self):
        return next(c.value for c in self.cookies if c.name == "csrftoken")

    def editor_post(self, path, data):
        body = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(self.base + path, data=body, method="POST")
        request.add_header("X-CSRFToken", self._csrf())
        return self.editor.open(request, timeout=10)

    def log_in(self):
        self.editor.open(self.base + "/admin/login/", timeout=10).read()
        self.editor_post(
            "/admin/login/?next=/admin/",
            {"username": "redaktor", "password": PASSWORD, "csrfmiddlewaretoken": self._csrf()},
        ).read()

    def admin_edit_title(self, promise_pk, title):
        change = f"/admin/promises/promise/{promise_pk}/change/"
        form = _Form("promise_form")
        form.feed(self.editor.open(self.base + change, timeout=10).read().decode())
        data = [(k, v) for k, v in form.data if k != "title"] + [("title", title)]
        response = self.editor_post(change, data)
        page = response.read().decode()
        assert response.geturl().endswith("/admin/promises/promise/"), page[:3000]

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


@pytest.fixture
def two_hosts(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SECURE_", "SESSION_", "CSRF_", "PUBLIC_PAGE_CACHE", "REDIS"))
    } | {
        "DEBUG": "false",
        "SECRET_KEY": "two-hosts-test-secret-key-0123456789abcdef0123456789abcdef",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "CACHE_URL": "dbcache://page_cache",
        "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SECURE_HSTS_SECONDS": "0",
        "ADMIN_REQUIRE_2FA": "false",
        "GUNICORN_ACCESS_LOG": "",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    # One process sets the database up (each Django start-up costs a second or two).
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PREPARE + SETUP],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    hosts = []
    try:
        hosts.append(Host(env, tmp_path))
        hosts.append(Host(env, tmp_path))
        yield hosts
    finally:
        for host in hosts:
            host.stop()


def _warm(hosts, paths):
    for host in hosts:
        for path in paths:
            host.anonymous_get(path)
    # Two workers per host: each path asked a few times, every answer from the cache.
    return {(h.port, p, i): h.anonymous_get(p)[0] for h in hosts for p in paths for i in range(3)}


@pytest.mark.django_db
def test_an_admin_edit_through_either_host_shows_through_both_at_once(two_hosts):
    a, b = two_hosts
    molndal, kungalv = "/molndal/trygg-i-molndal/", "/kungalv/trygg-i-kungalv/"
    assert set(_warm(two_hosts, [molndal, kungalv]).values()) == {"hit"}
    a.log_in()
    b.log_in()

    a.admin_edit_title(1, "Trygg i Mölndal, ändrad via A")

    for host in (a, b, a, b):
        assert "Trygg i Mölndal, ändrad via A" in host.anonymous_get(molndal)[1]
        assert host.anonymous_get(kungalv)[0] == "hit"  # the other locality stays cached

    b.admin_edit_title(1, "Trygg i Mölndal, ändrad via B")

    for host in (a, b, a, b):
        body = host.anonymous_get(molndal)[1]
        assert "Trygg i Mölndal, ändrad via B" in body and "ändrad via A" not in body


def test_a_page_cache_in_each_process_s_memory_is_reported(settings, monkeypatch):
    settings.DEBUG = False
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    monkeypatch.delenv("GUNICORN_WORKERS", raising=False)

    assert [w.id for w in check_page_cache_is_shared()] == ["config.W001"]

    monkeypatch.setenv("GUNICORN_WORKERS", "1")
    assert check_page_cache_is_shared() == []
    monkeypatch.setenv("GUNICORN_WORKERS", "4")
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "t"}
    }
    assert check_page_cache_is_shared() == []


def test_without_a_shared_cache_the_page_cache_is_off_in_production():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PUBLIC_PAGE_CACHE", "REDIS"))}
    env |= {"DEBUG": "false", "CACHE_URL": "", "SECRET_KEY": "x" * 50}
    code = "from django.conf import settings; print(settings.PUBLIC_PAGE_CACHE_SECONDS)"
    run = [
        sys.executable,
        "-c",
        f"import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings'); {code}",
    ]
    off = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True)
    on = subprocess.run(
        run,
        cwd=ROOT,
        env=env | {"CACHE_URL": "dbcache://page_cache"},
        capture_output=True,
        text=True,
    )

    assert (off.stdout.strip(), on.stdout.strip()) == ("0", "300"), off.stderr + on.stderr
