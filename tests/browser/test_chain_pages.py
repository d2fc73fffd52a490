"""The pages of issue 17 in a real Chromium: axe finds no violation on the report, the
overview, the question pages and the situation picture with its chain, in Swedish and English, at 320 and 1280 px,
and none of them scrolls sideways on a phone."""

from decimal import Decimal

import pytest

from promises.models import Locality
from situation.models import Survey, SurveyQuestion, SurveyResult
from tests.browser.conftest import PHONE, axe_findings

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


@pytest.fixture(scope="module")
def surveys(demo_site, django_db_blocker):
    """Two localities answered a shared survey question, for the question pages."""
    with django_db_blocker.unblock():
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


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["sv", "en"])
def test_the_report_overview_and_chain_pages_have_no_axe_violations(
    axe_page, demo, surveys, prefix
):
    page = axe_page(PHONE)
    found = {}
    for path in NEW_PAGES:
        response = page.goto(prefix + path)
        assert response.status == 200, path
        found |= axe_findings(page)

    assert found == {}, "\n".join(f"{url}: {text}" for url, text in found.items())
    assert page.console_errors == []


def test_the_printed_report_has_no_navigation_and_writes_links_out(page, demo):
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
