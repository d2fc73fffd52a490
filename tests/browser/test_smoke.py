"""The browser harness itself: Chromium opens the home page of the live server."""

from tests.browser.conftest import PHONE, axe_findings


def test_home_page_opens_in_chromium(page, demo):
    page.goto("/")

    assert page.locator("h1").count() == 1
    assert page.get_by_role("link", name="Mölndal").first.is_visible()
    assert page.console_errors == []


def test_home_page_has_no_axe_violations(axe_page, demo):
    page = axe_page(PHONE)

    found = axe_findings(page, "/")

    assert found == {}, found
