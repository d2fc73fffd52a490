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


@pytest.fixture
def page(browser, live_server, transactional_db):
    """A fresh page at desktop width; fails the test on any console error or page error.

    It asks for the database before the page opens, so the page closes (and makes no more
    requests to the live server) before the database is emptied after the test."""
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.console_errors = errors
    yield page
    context.close()


@pytest.fixture
def live_demo(transactional_db):
    """The demo data, committed so the live server's thread sees it."""
    from promises.demo.loader import load_demo_data

    load_demo_data()


def _axe_source():
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


@pytest.fixture(scope="session")
def axe_source():
    return _axe_source()


@pytest.fixture
def axe_page(browser, live_server, axe_source, transactional_db):
    """A page factory for accessibility checks: `axe_page(width)` -> page with `run_axe()`."""
    contexts = []

    def make(viewport):
        # Inject axe-core even under the site's Content-Security-Policy.
        context = browser.new_context(viewport=viewport, base_url=live_server.url, bypass_csp=True)
        contexts.append(context)
        page = context.new_page()

        def run_axe():
            page.add_script_tag(content=axe_source)
            result = page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
            )
            return result["violations"]

        page.run_axe = run_axe
        return page

    yield make
    for context in contexts:
        context.close()


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
