"""An indicator's series: its measurements, or its survey question's answers over surveys."""

import csv
import datetime
import io
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from followup.selectors import indicator_series, series_for
from situation.models import Survey, SurveyResult

pytestmark = pytest.mark.django_db


def test_measured_indicator_gives_its_measurements_in_date_order(make_indicator):
    indicator = make_indicator(values=[3, 5])

    series = indicator_series(indicator)

    assert [(p.date, p.value) for p in series] == [
        (datetime.date(2025, 1, 1), Decimal(3)),
        (datetime.date(2025, 1, 31), Decimal(5)),
    ]


@pytest.fixture
def surveys(make_locality):
    locality = make_locality("Västra Hisingen")
    baseline = Survey.objects.create(
        locality=locality, title="Nollmätning", slug="noll", year=2014, date_text="hösten 2014"
    )
    later = Survey.objects.create(
        locality=locality, title="Uppföljning", slug="upp", year=2016, baseline=baseline
    )
    for survey, women, men in ((baseline, 40, 60), (later, 55, 70)):
        SurveyResult.objects.create(
            survey=survey, question="Känner sig trygg", group="kvinnor", value=women, unit="%"
        )
        SurveyResult.objects.create(
            survey=survey, question="Känner sig trygg", group="män", value=men, unit="%"
        )
        SurveyResult.objects.create(survey=survey, question="Annat", value=1)
    other = Survey.objects.create(
        locality=make_locality("Mölndal"), title="Annan", slug="annan", year=2015
    )
    SurveyResult.objects.create(survey=other, question="Känner sig trygg", value=99)
    return locality


def test_survey_indicator_draws_the_later_survey_against_the_baseline(
    surveys, make_promise, make_indicator
):
    indicator = make_indicator(
        promise=make_promise(locality=surveys), survey_question="Känner sig trygg", unit="%"
    )

    series = indicator_series(indicator)

    assert [(p.year, p.group, p.value, p.is_baseline) for p in series] == [
        (2014, "kvinnor", Decimal(40), True),
        (2014, "män", Decimal(60), True),
        (2016, "kvinnor", Decimal(55), False),
        (2016, "män", Decimal(70), False),
    ]
    assert series[0].period_text == "hösten 2014" and series[0].source == "Nollmätning"


def test_series_of_many_indicators_take_a_constant_number_of_queries(
    surveys, make_promise, make_indicator, django_assert_max_num_queries
):
    promise = make_promise(locality=surveys)
    indicators = [make_indicator(promise=promise, values=[1, 2, 3]) for _ in range(5)]
    indicators += [
        make_indicator(promise=promise, survey_question="Känner sig trygg") for _ in range(3)
    ]

    with django_assert_max_num_queries(3):
        series = series_for(indicators)

    assert [len(series[i.pk]) for i in indicators] == [3] * 5 + [4] * 3


def test_prefetched_series_equals_the_queried_one(
    surveys, make_promise, make_indicator, django_assert_num_queries
):
    from followup.models import Indicator
    from followup.selectors import series_prefetches

    promise = make_promise(locality=surveys)
    make_indicator(promise=promise, survey_question="Känner sig trygg")
    make_indicator(promise=promise, values=[1, 2])
    make_indicator(promise=make_promise(), survey_question="Känner sig trygg")  # no surveys
    queried = series_for(Indicator.objects.all())
    indicators = list(
        Indicator.objects.select_related("promise__locality").prefetch_related(*series_prefetches())
    )

    with django_assert_num_queries(0):
        prefetched = series_for(indicators)

    assert prefetched == queried
    assert [len(points) for points in queried.values()] == [4, 2, 0]


def test_an_indicator_links_only_to_a_goal_and_commitment_of_its_own_promise(
    make_indicator, make_promise, make_commitment
):
    from django.core.exceptions import ValidationError

    from promises.models import Goal

    indicator = make_indicator()
    other = make_promise()
    indicator.goal = Goal.objects.create(promise=other, text="Annat mål")
    indicator.commitment = make_commitment(promise=other)

    with pytest.raises(ValidationError) as error:
        indicator.full_clean()

    assert set(error.value.message_dict) == {"goal", "commitment"}
    indicator.goal = Goal.objects.create(promise=indicator.promise, text="Eget mål")
    indicator.commitment = make_commitment(promise=indicator.promise)
    indicator.full_clean()


def test_the_promise_page_names_the_indicators_under_their_goal(
    client, make_indicator, make_promise
):
    from promises.models import Goal

    promise = make_promise()
    goal = Goal.objects.create(promise=promise, text="Färre inbrott")
    make_indicator(promise=promise, goal=goal, name="Anmälda inbrott", slug="inbrott")
    make_indicator(promise=promise, name="Utan mål", slug="utan-mal")

    html = client.get(promise.get_absolute_url()).content.decode()
    goals = html[html.index('<ul class="goals">') :]
    goals = goals[: goals.index("</ul>")]

    assert 'Visas av: <a href="#indicator-inbrott" lang="sv">Anmälda inbrott</a></p>' in goals
    assert "Utan mål" not in goals


def _cells(row):
    return [
        re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)
    ]


def test_a_survey_indicator_shows_the_same_values_on_the_page_in_the_api_and_in_the_csv(
    client, surveys, make_promise, make_indicator
):
    """Issue 13, bug 2: the API drew the survey's answers while the page said "Inga
    mätvärden har publicerats ännu" and the CSV left the indicator out."""
    promise = make_promise(locality=surveys)
    make_indicator(promise=promise, survey_question="Känner sig trygg", unit="%", slug="trygg")
    expected = [
        ("kvinnor", "40", "Nollmätning"),
        ("män", "60", "Nollmätning"),
        ("kvinnor", "55", "Uppföljning"),
        ("män", "70", "Uppföljning"),
    ]

    html = client.get(promise.get_absolute_url()).content.decode()
    figure = html[html.index('id="indicator-trygg"') :]
    figure = figure[: figure.index("</figure>")]
    body = figure[figure.index("<tbody>") : figure.index("</tbody>")] if "<tbody>" in figure else ""
    page = [_cells(row) for row in re.findall(r"<tr>(.*?)</tr>", body)]
    api = client.get(f"/api/v1/promises/{promise.pk}/").json()["indicators"][0]["values"]
    response = client.get("/api/v1/measurements.csv")
    rows = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"), newline=""))

    assert "Inga mätvärden har publicerats ännu." not in figure
    assert [(group, value, source) for _, group, value, source in page] == [
        (group, f"{value} %", source) for group, value, source in expected
    ]
    assert [(v["group"], f"{v['value']:g}", v["source"]) for v in api] == expected
    assert [
        (r["group"], r["value"], r["source"]) for r in rows if r["indicator_slug"] == "trygg"
    ] == expected
    assert [cells[0] for cells in page] == ["hösten 2014"] * 2 + ["2016"] * 2


def test_the_promise_page_reads_survey_answers_in_one_query_however_many_indicators(
    client, surveys, make_promise, make_indicator
):
    promise = make_promise(locality=surveys)
    make_indicator(promise=promise, survey_question="Känner sig trygg", values=[])
    make_indicator(promise=promise, values=[1])
    with CaptureQueriesContext(connection) as few:
        assert client.get(promise.get_absolute_url()).status_code == 200
    for _ in range(4):
        make_indicator(promise=promise, survey_question="Känner sig trygg")
        make_indicator(promise=promise, survey_question="Annat", values=[2])

    with CaptureQueriesContext(connection) as many:
        html = client.get(promise.get_absolute_url()).content.decode()

    assert len(many.captured_queries) == len(few.captured_queries)
    assert html.count("Inga mätvärden har publicerats ännu.") == 0
