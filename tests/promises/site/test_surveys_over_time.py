"""A survey's results beside its baseline and later surveys of the same question, with the
difference in percentage points and the number of respondents."""

from decimal import Decimal

import pytest

from tests.factories import SurveyFactory, SurveyResultFactory

pytestmark = pytest.mark.django_db

QUESTION = "Känner du dig trygg ute på kvällen?"


def test_the_same_question_is_compared_over_time_in_percentage_points(client, make_promise):
    promise = make_promise(state="published")
    baseline = SurveyFactory(
        locality=promise.locality, title="Nollmätningen", year=2014, respondents=800
    )
    later = SurveyFactory(
        locality=promise.locality,
        title="Uppföljningen",
        year=2016,
        respondents=1000,
        baseline=baseline,
    )
    later.promises.add(promise)
    SurveyResultFactory(survey=baseline, question=QUESTION, value=Decimal("52"), unit="%")
    SurveyResultFactory(survey=later, question=QUESTION, value=Decimal("61.5"), unit="%")
    SurveyResultFactory(survey=later, question="Bara en gång", value=Decimal("10"), unit="%")

    response = client.get(promise.get_absolute_url())
    multiples = response.context["survey_multiples"]
    assert [m["question"] for m in multiples] == [QUESTION]
    assert [r["survey"].title for r in multiples[0]["rows"]] == ["Nollmätningen", "Uppföljningen"]
    assert multiples[0]["rows"][1]["difference"] == Decimal("9.5")
    html = response.content.decode()
    assert "+9,5 procentenheter" in html
    assert "800 svarande" in html and "1\xa0000 svarande" in html
    assert "Resultaten av undersökningen har inte publicerats ännu." not in html


def test_a_survey_of_results_not_given_yet_is_not_compared(client, demo_data):
    response = client.get("/vastra-hisingen/gangrelaterat-vald/")
    assert response.context["survey_multiples"] == []
