"""An indicator's series: its measurements, or its survey question's answers over surveys."""

import datetime
from decimal import Decimal

import pytest

from followup.series import indicator_series, series_for
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
    from followup.series import loaded_series

    promise = make_promise(locality=surveys)
    make_indicator(promise=promise, survey_question="Känner sig trygg")
    make_indicator(promise=promise, values=[1, 2])
    indicators = list(
        Indicator.objects.select_related("promise__locality").prefetch_related(
            "measurements", "promise__locality__surveys__results"
        )
    )
    expected = series_for(indicators)

    with django_assert_num_queries(0):
        loaded = {i.pk: loaded_series(i) for i in indicators}

    assert loaded == expected


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
