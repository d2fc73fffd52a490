"""The browser harness itself: Chromium opens the home page of the live server."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, describe_violations


def test_home_page_opens_in_chromium(page, live_demo):
    page.goto("/")

    assert page.locator("h1").count() == 1
    assert page.get_by_role("link", name="Mölndal").first.is_visible()
    assert page.console_errors == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["320px", "1280px"])
def test_home_page_has_no_axe_violations(axe_page, live_demo, viewport):
    page = axe_page(viewport)
    page.goto("/")

    violations = page.run_axe()

    assert violations == [], describe_violations(violations)
