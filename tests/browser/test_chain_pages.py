"""The pages of issue 17 in a real Chromium: axe finds no violation on the report, the
overview, the question pages and the situation picture with its chain, in Swedish and English, at 320 and 1280 px,
and none of them scrolls sideways on a phone."""

from decimal import Decimal

import pytest

from promises.models import Locality
from situation.models import Survey, SurveyQuestion, SurveyResult
from tests.browser.conftest import DESKTOP, PHONE, describe_violations

NEW_PAGES = [
    "/sydvast/tryggare-utemiljo/rapport/",
    "/molndal/molndals-innerstad/rapport/",
    "/oversikt/",
    "/oversikt/?sort=-done",
    "/molndal/lagesbild/lokal-lagesbild/",
    "/molndal/molndals-innerstad/",
    "/fragor/",
    "/fragor/trygg-kvallstid/",
]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["320px", "1280px"])
@pytest.mark.parametrize("prefix", ["", "/en"], ids=["sv", "en"])
def test_the_report_overview_and_chain_pages_have_no_axe_violations(
    axe_page, live_demo, viewport, prefix
):
    question = SurveyQuestion.objects.get_or_create(
        slug="trygg-kvallstid",
        defaults={"text": "Känner sig trygg i sitt bostadsområde kvällstid", "unit": "%"},
    )[0]
    for slug, value in (("molndal", "64.5"), ("sydvast", "58")):
        survey = Survey.objects.get_or_create(
            locality=Locality.objects.get(slug=slug),
            slug="axe-2024",
            defaults={"title": "Trygghetsundersökning 2024", "year": 2024, "respondents": 1200},
        )[0]
        SurveyResult.objects.get_or_create(
            survey=survey,
            question=question.text,
            defaults={"value": Decimal(value), "shared_question": question},
        )
    page = axe_page(viewport)
    errors = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    found = {}
    for path in NEW_PAGES:
        response = page.goto(prefix + path)
        assert response.status == 200, path
        violations = page.run_axe()
        if violations:
            found[prefix + path] = describe_violations(violations)
        if viewport is PHONE:
            overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
            if overflow:
                found[prefix + path + " (scrolls sideways)"] = "page wider than 320 px"

    assert found == {}, "\n".join(f"{url}: {text}" for url, text in found.items())
    assert errors == []


def test_the_printed_report_has_no_navigation_and_writes_links_out(page, live_demo):
    page.goto("/molndal/molndals-innerstad/rapport/")
    page.emulate_media(media="print")

    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".breadcrumbs").is_visible()
    assert page.locator("h1").is_visible()
    after = page.evaluate(
        "getComputedStyle(document.querySelector('.contacts a[href^=\"mailto:\"]'), '::after')"
        ".content"
    )
    assert "mailto:" in after
