"""An indicator's values over time: its measurements, or the answers of the locality's
safety surveys to the indicator's survey question, so a later survey is drawn against the
baseline survey."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from promises.models import Promise
from situation.models import SurveyResult

from .models import Measurement


@dataclass(frozen=True)
class Point:
    value: Decimal
    date: datetime.date | None = None
    period_text: str = ""  # when there is no date, e.g. "det senaste året" or "hösten 2014"
    year: int | None = None
    group: str = ""  # e.g. "kvinnor" / "män"
    qualifier: str = ""
    source: str = ""
    is_baseline: bool = False  # the survey that later ones are compared with


def _measurement_point(m):
    return Point(
        value=m.value,
        date=m.measured_on,
        period_text=m.period_text,
        year=m.measured_on.year if m.measured_on else None,
        group=m.group,
        qualifier=m.qualifier,
        source=m.source,
    )


def _survey_point(result, survey, baselines):
    return Point(
        value=result.value,
        period_text=survey.date_text or (str(survey.year) if survey.year else ""),
        year=survey.year,
        group=result.group,
        source=survey.title,
        is_baseline=survey.pk in baselines,
    )


def _survey_order(survey):
    """Oldest first; a survey without a year (e.g. "innan sommaren") after the dated ones,
    the same on every database."""
    return (survey.year is None, survey.year or 0, survey.pk)


def series_for(indicators):
    """{indicator pk: [Point, ...]} for every indicator given, in three queries at most."""
    indicators = list(indicators)
    series = {indicator.pk: [] for indicator in indicators}
    by_survey = [i for i in indicators if i.survey_question]
    measured = [i.pk for i in indicators if not i.survey_question]
    if measured:
        for m in Measurement.objects.filter(indicator__in=measured):
            series[m.indicator_id].append(_measurement_point(m))
    if by_survey:
        localities = _localities_of(by_survey)
        wanted = {}
        for i in by_survey:
            wanted.setdefault((localities[i.promise_id], i.survey_question), []).append(i.pk)
        results = sorted(
            SurveyResult.objects.filter(
                survey__locality__in={key[0] for key in wanted},
                question__in={key[1] for key in wanted},
            ).select_related("survey"),
            key=lambda r: (_survey_order(r.survey), r.group),
        )
        baselines = {r.survey.baseline_id for r in results}
        for r in results:
            point = _survey_point(r, r.survey, baselines)
            for pk in wanted.get((r.survey.locality_id, r.question), []):
                series[pk].append(point)
    return series


def loaded_series(indicator):
    """The values of one indicator from what its queryset prefetched: `measurements`, or
    for a survey indicator `promise__locality__surveys__results` (no query when prefetched)."""
    if not indicator.survey_question:
        return [_measurement_point(m) for m in indicator.measurements.all()]
    surveys = sorted(indicator.promise.locality.surveys.all(), key=_survey_order)
    baselines = {s.baseline_id for s in surveys}
    return [
        _survey_point(r, survey, baselines)
        for survey in surveys
        for r in sorted(survey.results.all(), key=lambda r: r.group)
        if r.question == indicator.survey_question
    ]


def _localities_of(indicators):
    """{promise pk: locality pk}, from loaded promises or in one query."""
    if all(i._state.fields_cache.get("promise") for i in indicators):
        return {i.promise_id: i.promise.locality_id for i in indicators}
    return dict(
        Promise.objects.filter(pk__in={i.promise_id for i in indicators}).values_list(
            "pk", "locality"
        )
    )


def indicator_series(indicator):
    """The values of one indicator (see `series_for`)."""
    return series_for([indicator])[indicator.pk]
