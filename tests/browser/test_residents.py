"""Issue 15 in a real Chromium, in Swedish and English: residents find their area and their
promises in seconds, and read the figures at a glance; axe finds nothing on the new pages."""

import datetime

import pytest

from tests.browser.conftest import PHONE, axe_findings

NEW_PAGE_TYPES = [
    "/omrade/",
    "/omrade/?namn=G%C3%B6teborg",
    "/omrade/?namn=Tj%C3%B6rm",
    "/oppna-data/",
    "/molndal/plats/broplatsen/",
    "/loften/?q=frolunda",
    "/loften/?q=frolnda",
    "/loften/?phase=active",
]

LANGUAGES = [("", "sv"), ("/en", "en")]


@pytest.mark.parametrize(("prefix", "lang"), LANGUAGES, ids=["sv", "en"])
@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("Frölunda", "Tryggare utemiljö"),
        ("frolunda", "Tryggare utemiljö"),
        ("biskopsgarden", "Medborgarlöfte om gängrelaterat våld"),
        ("buskorning", "Medborgarlöfte 2023-2024"),
        ("molndal", "Medborgarlöftet för Mölndals innerstad"),
    ],
)
def test_a_search_typed_as_on_a_phone_finds_the_promise(page, demo, prefix, lang, typed, title):
    page.goto(prefix + "/loften/")
    page.locator("#id_q").fill(typed)
    page.locator("#id_q").press("Enter")
    page.wait_for_load_state()

    cards = page.locator(".promise-card .card-title")
    assert title in cards.all_inner_texts()
    assert page.locator("html").get_attribute("lang") == lang
    assert page.console_errors == []


def test_a_misspelling_offers_the_close_match(page, demo):
    page.goto("/loften/?q=frolnda")
    assert page.get_by_text("0 löften hittades.").is_visible()
    with page.expect_navigation():
        page.locator(".suggestions").get_by_role("link", name="Frölunda").click()
    page.locator(".promise-card .card-title").first.wait_for()
    assert "Tryggare utemiljö" in page.locator(".promise-card .card-title").all_inner_texts()


@pytest.mark.parametrize(("prefix", "lang"), LANGUAGES, ids=["sv", "en"])
def test_a_tjorn_resident_reaches_the_promise_from_the_home_page_in_two_steps(
    page, demo, prefix, lang
):
    page.goto(prefix + "/")
    finder = page.locator("form.find-area")
    finder.locator("#id_namn").fill("Tjörn")
    with page.expect_navigation():
        finder.get_by_role("button").click()  # step 1
    assert page.url.endswith(prefix + "/sodra-fyrbodal/")

    with page.expect_navigation():
        page.get_by_role("link", name="Medborgarlöfte 2023-2024").first.click()  # step 2
    assert page.locator("h1").inner_text() == "Medborgarlöfte 2023-2024"
    assert page.console_errors == []


def test_a_goteborg_resident_chooses_between_the_two_districts(page, demo):
    page.goto("/")
    page.locator("#id_namn").fill("Göteborg")
    with page.expect_navigation():
        page.locator("#id_namn").press("Enter")
    with page.expect_navigation():
        page.get_by_role("link", name="Västra Hisingen").click()
    assert page.url.endswith("/vastra-hisingen/")


@pytest.mark.parametrize(("prefix", "lang"), LANGUAGES, ids=["sv", "en"])
def test_every_footer_link_works(page, demo, prefix, lang):
    page.goto(prefix + "/")
    hrefs = page.locator(".site-footer a").evaluate_all("links => links.map(a => a.href)")
    assert len(hrefs) >= 8
    for href in hrefs:
        response = page.goto(href)
        assert response.status == 200, href
        if "/feeds/" not in href:  # the feed is XML for feed readers
            assert page.locator("h1").count() == 1, href


def test_a_promise_page_links_what_a_resident_can_do(page, demo):
    page.goto("/sodra-fyrbodal/medborgarlofte-2023-2024/")
    links = page.get_by_role("navigation", name="Följ, delta, återanvänd")
    links.get_by_role("link", name="Få e-post när löftet följs upp").click()
    assert page.url.endswith("#subscribe-heading")
    assert page.locator("#subscribe-heading").is_visible()
    with page.expect_navigation():
        links.get_by_role("link", name="Ladda ner data").click()
    assert '"title"' in page.content()


def test_on_a_phone_the_results_start_on_the_first_screen(page, demo):
    page.set_viewport_size(PHONE)
    page.goto("/loften/")
    count = page.locator(".result-count")
    assert count.is_visible()
    assert count.bounding_box()["y"] < PHONE["height"]
    assert not page.locator("#id_locality").is_visible()  # folded under "Fler filter"
    page.get_by_text("Fler filter").click()
    assert page.locator("#id_locality").is_visible()


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["sv", "en"])
def test_the_new_page_types_have_no_axe_violations(axe_page, demo, prefix):
    page = axe_page(PHONE)
    found = {}
    for path in NEW_PAGE_TYPES:
        found |= axe_findings(page, prefix + path)
    assert found == {}, "\n".join(f"{url}: {text}" for url, text in found.items())


def test_one_value_is_a_key_figure_and_two_dated_values_a_chart(page, live_demo):
    from followup.models import Indicator, Measurement
    from promises.models import Promise

    promise = Promise.objects.get(slug="gangrelaterat-vald")
    indicator = Indicator.objects.create(
        promise=promise,
        name="Anmälda brott",
        slug="anmalda-brott",
        unit="st",
        baseline_value=120,
        target_value=80,
        direction=Indicator.Direction.LOWER,
    )
    for month, value in [(1, 110), (6, 95)]:
        Measurement.objects.create(
            indicator=indicator, value=value, measured_on=datetime.date(2026, month, 1)
        )

    page.set_viewport_size(PHONE)
    page.goto("/vastra-hisingen/gangrelaterat-vald/")
    assert page.locator(".key-figure").count() == 4
    assert page.locator(".key-figure .key-value").first.is_visible()
    chart = page.locator("#indicator-anmalda-brott svg.chart-svg")
    assert chart.is_visible()
    labels = page.locator("#indicator-anmalda-brott svg text")
    assert "Utgångsläge 120" in labels.all_inner_texts() or any(
        "Utgångsläge" in t for t in labels.all_text_contents()
    )
    assert any("Mål" in t for t in labels.all_text_contents())
    smallest = page.evaluate(
        """() => Math.min(...[...document.querySelectorAll('#indicator-anmalda-brott svg text')]
            .map(t => t.getBoundingClientRect().height))"""
    )
    font_px = page.evaluate(
        """() => { const svg = document.querySelector('#indicator-anmalda-brott svg');
            return 14 * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width; }"""
    )
    assert font_px >= 14, font_px
    assert smallest > 0
