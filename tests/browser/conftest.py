"""Browser tests: Playwright for Python driving Debian's Chromium, never a downloaded browser.

Without /usr/bin/chromium the tests are skipped with the reason and how to install it;
with REQUIRE_BROWSER=1 (set by .ci/run) its absence fails them instead, so CI never
passes by skipping.
"""

import json
import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop in this thread; Django's ORM calls made by the
# tests themselves are still synchronous, so the async-safety guard is switched off here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
INSTALL_HINT = (
    f"Chromium not found at {CHROMIUM}: install it with `sudo apt-get install chromium` "
    "(Debian/Ubuntu) to run the browser and accessibility tests."
)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PHONE = {"width": 320, "height": 720}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(INSTALL_HINT + " REQUIRE_BROWSER is set, so this is a failure.")
        pytest.skip(INSTALL_HINT)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _open_page(browser, base_url, viewport, contexts, axe_source=None):
    """A new page in a context of its own; console and page errors are collected in
    `page.console_errors`. With `axe_source`, `page.run_axe()` returns axe's violations
    (the site's Content-Security-Policy is bypassed so axe-core can be injected)."""
    context = browser.new_context(
        viewport=viewport, base_url=base_url, bypass_csp=axe_source is not None
    )
    contexts.append(context)
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.console_errors = errors

    def run_axe():
        if not page.evaluate("typeof axe !== 'undefined'"):  # once per document
            page.add_script_tag(content=axe_source)
        # Only violations are asked for: collecting the passes as well doubles axe's time.
        return page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
            " resultTypes: ['violations']}).then(r => r.violations)",
            AXE_TAGS,
        )

    if axe_source is not None:
        page.run_axe = run_axe
    return page


def _server_url(request):
    """The live server a test's pages open: the shared demo site for tests that ask for
    `demo` (read-only), otherwise pytest-django's server over the test's own database.
    The database is asked for first, so that it is emptied (or, for `demo`, closed to the
    test) only after the pages have closed."""
    if "demo" in request.fixturenames:
        request.getfixturevalue("demo")
        return request.getfixturevalue("demo_site").url
    helped = "live_server" in request.fixturenames  # then pytest-django's helper set it up
    request.getfixturevalue("transactional_db")
    server = request.getfixturevalue("live_server")
    if not helped:
        server._live_server_modified_settings.enable()
        request.addfinalizer(server._live_server_modified_settings.disable)
    return server.url


@pytest.fixture
def page(request, browser):
    """A fresh page at desktop width; `page.console_errors` collects console and page errors."""
    contexts = []
    yield _open_page(browser, _server_url(request), DESKTOP, contexts)
    for context in contexts:
        context.close()


@pytest.fixture
def axe_page(request, browser, axe_source):
    """A page factory for accessibility checks: `axe_page(viewport)` -> page with `run_axe()`."""
    contexts = []
    url = _server_url(request)
    yield lambda viewport: _open_page(browser, url, viewport, contexts, axe_source)
    for context in contexts:
        context.close()


@pytest.fixture
def live_demo(transactional_db):
    """The demo data in the test's own database, committed so the live server's thread sees
    it: for tests that write. Tests that only read ask for `demo` instead."""
    from promises.demo.loader import load_demo_data

    load_demo_data()


def _axe_source():
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


@pytest.fixture(scope="session")
def axe_source():
    return _axe_source()


# --- The demo site: tests that only read share one load of the demo data per module ----------


def _load_demo_if_missing():
    from promises.demo.loader import load_demo_data
    from promises.models import Locality

    if not Locality.objects.exists():
        load_demo_data()


@pytest.fixture(scope="session")
def demo_server():
    """The live server of the demo site, one per test process like pytest-django's own."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost")
    server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    server.stop()


@pytest.fixture(scope="module")
def demo_site(demo_server, django_db_setup, django_db_blocker):
    """The demo site: its server over the demo data, loaded and committed once for the
    module and emptied after it, as a transactional test leaves the database."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        _load_demo_if_missing()
    yield demo_server
    with django_db_blocker.unblock():
        call_command("flush", verbosity=0, interactive=False)


@pytest.fixture
def _demo_loaded(demo_site, django_db_blocker):
    """Loads the demo data again, committed, if a writing test emptied the database."""
    with django_db_blocker.unblock():
        _load_demo_if_missing()


@pytest.fixture
def demo(_demo_loaded, db):
    """The demo data for a test that only reads, shared by the module's tests.

    What the test itself writes is rolled back after it (`db`); what the live server wrote
    would stay for the next test, so a test that submits anything uses `live_demo`."""


def axe_findings(page, url=None, viewports=(PHONE, DESKTOP), sideways=True):
    """What axe finds on one page at each width, the page loaded once (at the first width)
    and resized for the others; at a phone's width also whether it scrolls sideways (unless
    `sideways` is False: the admin's wide change lists do, by design).
    Returns {"<url> <width>px": description}, empty when nothing is wrong. Without `url`
    the page already open is checked."""
    found = {}
    if url is not None:
        page.set_viewport_size(viewports[0])
        response = page.goto(url)
        assert response.status < 500, url
    url = url or page.url
    for viewport in viewports:
        page.set_viewport_size(viewport)
        label = f"{url} {viewport['width']}px"
        violations = page.run_axe()
        if violations:
            found[label] = describe_violations(violations)
        if (
            sideways
            and viewport["width"] <= PHONE["width"]
            and page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        ):
            found[label + " (scrolls sideways)"] = "page wider than the screen"
    return found


def describe_violations(violations):
    """A readable summary for an assertion message."""
    return json.dumps(
        [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"][:5]],
            }
            for v in violations
        ],
        indent=2,
        ensure_ascii=False,
    )
