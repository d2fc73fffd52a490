"""A resident uses the portal in a real Chromium: filters, opens a promise, switches language,
moves by keyboard only; and axe finds no violation on any page type, language or width."""

import pytest

from tests.browser.conftest import PHONE, axe_findings

PAGE_TYPES = [
    "/",
    "/loften/",
    "/loften/?locality=nope",
    "/molndal/",
    "/vastra-hisingen/gangrelaterat-vald/",
    "/sodra-fyrbodal/medborgarlofte-2023-2024/",
    "/sydvast/lagesbild/lokal-lages-och-problembild/",
    "/sydvast/plats/frolunda-torg/",
    "/om/",
    "/tillganglighet/",
    "/finns-inte/",
]


def test_resident_filters_to_sodra_fyrbodal_and_traffic_and_opens_the_promise(page, demo):
    page.goto("/")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Alla löften").click()

    page.get_by_text("Fler filter").click()  # the filters beside the search are folded
    page.get_by_label("Område").select_option(label="Södra Fyrbodal")
    page.get_by_label("Tema").select_option(label="Trafiksäkerhet")
    page.get_by_role("button", name="Visa löften").click()

    assert "locality=sodra-fyrbodal" in page.url and "theme=trafiksakerhet" in page.url
    assert page.get_by_text("1 löfte hittades.").is_visible()
    page.get_by_role("link", name="Medborgarlöfte 2023-2024").click()

    assert page.locator("h1").inner_text() == "Medborgarlöfte 2023-2024"
    assert page.get_by_role("heading", name="Polisen lovar").is_visible()
    assert page.get_by_role("heading", name="Kommunerna lovar").is_visible()
    assert page.console_errors == []


def test_resident_switches_the_promise_page_to_english(page, demo):
    page.goto("/sodra-fyrbodal/medborgarlofte-2023-2024/")

    page.get_by_role("link", name="In English").click()

    assert page.url.endswith("/en/sodra-fyrbodal/medborgarlofte-2023-2024/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="The police promise").is_visible()
    page.get_by_role("link", name="På svenska").click()
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.console_errors == []


def _tab_until(page, predicate, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate):
            return True
    return False


def test_keyboard_alone_reaches_the_filter_form_and_the_commitments(page, demo):
    page.goto("/loften/")

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert _tab_until(page, "document.activeElement.id === 'id_q'")
    page.keyboard.type("trafik")
    assert _tab_until(page, "document.activeElement.type === 'submit'")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "q=trafik" in page.url
    assert "hittades" in page.locator(".result-count").inner_text()

    page.goto("/sodra-fyrbodal/medborgarlofte-2023-2024/")
    assert _tab_until(page, "document.activeElement.getAttribute('href') === '#commitments'")
    page.keyboard.press("Enter")
    assert page.url.endswith("#commitments")
    assert page.get_by_role("heading", name="Det här lovar vi").is_visible()
    expect_in_view = page.locator("#commitment-" + _first_commitment_id(page))
    assert expect_in_view.is_visible()
    # Sequential focus now continues from the commitments, not from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate(
        "document.querySelector('#commitments').compareDocumentPosition(document.activeElement)"
        " & Node.DOCUMENT_POSITION_FOLLOWING"
    )


def _first_commitment_id(page):
    return page.locator("#commitments li.commitment").first.get_attribute("id").split("-")[1]


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["sv", "en"])
def test_every_page_type_has_no_axe_violations(axe_page, demo, prefix):
    page = axe_page(PHONE)
    found = {}
    for path in PAGE_TYPES:
        found |= axe_findings(page, prefix + path)

    assert found == {}, "\n".join(f"{url}: {text}" for url, text in found.items())
    # The bad-filter and not-found pages log their 4xx status as a console error; nothing else.
    assert [e for e in page.console_errors if "status of 4" not in e] == []
