"""The shapes of the open-data API (what the OpenAPI schema describes)."""

import datetime
from dataclasses import asdict
from typing import Literal

from django.urls import reverse
from ninja import Field, Schema

from followup.selectors import indicator_series
from promises.progress import State, promise_progress


class LocalityOut(Schema):
    id: int
    slug: str
    name: str
    kind: str
    collaboration_name: str
    description: str
    police_area: str | None
    municipalities: list[str]
    promise_ids: list[int]
    url: str

    @staticmethod
    def resolve_police_area(obj):
        return obj.police_area.name if obj.police_area else None

    @staticmethod
    def resolve_municipalities(obj):
        return [m.name for m in obj.municipalities.all()]

    @staticmethod
    def resolve_promise_ids(obj):
        return [p.pk for p in obj.published_promises]

    @staticmethod
    def resolve_url(obj, context):
        return context["request"].build_absolute_uri(obj.get_absolute_url())


class PartyOut(Schema):
    slug: str
    name: str
    kind: str


class ThemeOut(Schema):
    slug: str
    name: str


class CommitmentVerdictOut(Schema):
    outcome: str
    reason: str


class CommitmentOut(Schema):
    id: int
    text: str
    order: int
    status: str
    actor: str
    parties: list[PartyOut]
    themes: list[ThemeOut]
    verdict: CommitmentVerdictOut | None

    @staticmethod
    def resolve_parties(obj):
        return obj.party_list  # prefetched (promises.api.views._published)

    @staticmethod
    def resolve_themes(obj):
        return obj.theme_list

    @staticmethod
    def resolve_verdict(obj):
        return getattr(obj, "verdict", None)


class GoalOut(Schema):
    id: int
    text: str
    order: int


class MeasurementOut(Schema):
    id: int
    date: datetime.date | None
    period_text: str
    value: float
    qualifier: str
    group: str
    source: str

    @staticmethod
    def resolve_date(obj):
        return obj.measured_on


class PointOut(Schema):
    """One value of an indicator: a measurement, or a survey's answer to its question."""

    value: float
    date: datetime.date | None
    period_text: str
    year: int | None
    group: str
    qualifier: str
    source: str
    is_baseline: bool


class IndicatorSummaryOut(Schema):
    """An indicator as the promise list gives it: what is measured, without the series."""

    id: int
    slug: str
    name: str
    unit: str
    direction: str
    description: str
    goal_id: int | None
    commitment_id: int | None
    baseline_value: float | None
    baseline_on: datetime.date | None
    target_value: float | None
    target_on: datetime.date | None
    survey_question: str


class IndicatorOut(IndicatorSummaryOut):
    """An indicator with its whole series (on a single promise)."""

    measurements: list[MeasurementOut]
    values: list[PointOut]

    @staticmethod
    def resolve_values(obj):
        """The series to draw: the measurements, or the answers of the locality's safety
        surveys to `survey_question` (the baseline survey marked)."""
        return [asdict(point) for point in indicator_series(obj)]  # prefetched: no query


class VerdictOut(Schema):
    summary: str
    decided_on: datetime.date | None


class ProgressOut(Schema):
    state: Literal[tuple(State.values)] = Field(
        description="no_commitments, all_cancelled, not_reported (no percentage: nobody has "
        "reported a status yet) or reported."
    )
    summary: str = Field(
        description="The progress in one sentence, as every page says it (per state and phase)."
    )
    percent: int | None
    total: int
    counted: int
    done: int
    in_progress: int
    cancelled: int


class PromiseSummaryOut(Schema):
    """A promise as the list gives it: everything but the indicators' series, which
    /promises/{id}/ and /measurements.csv give (a page of 20 stays small)."""

    id: int
    slug: str
    title: str
    locality: str
    locality_id: int
    phase: str
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    period_text: str
    summary: str
    background: str
    follow_up: str
    signed_on: datetime.date | None
    source_url: str
    source_title: str
    parties: list[PartyOut]
    themes: list[ThemeOut]
    progress: ProgressOut
    commitments: list[CommitmentOut]
    goals: list[GoalOut]
    indicators: list[IndicatorSummaryOut]
    verdict: VerdictOut | None
    url: str
    api_url: str

    @staticmethod
    def resolve_locality(obj):
        return obj.locality.slug

    @staticmethod
    def resolve_phase(obj):
        return str(obj.phase())

    @staticmethod
    def resolve_progress(obj):
        return progress_out(promise_progress(obj))

    @staticmethod
    def resolve_verdict(obj):
        return getattr(obj, "verdict", None)

    @staticmethod
    def resolve_url(obj, context):
        return context["request"].build_absolute_uri(obj.get_absolute_url())

    @staticmethod
    def resolve_api_url(obj, context):
        return promise_api_url(context["request"], obj.pk)


def progress_out(progress):
    """A promises.progress.Progress as ProgressOut gives it."""
    return {
        "state": str(progress.state),
        "summary": progress.summary,
        "percent": progress.percent,
        "total": progress.total,
        "counted": progress.counted,
        "done": progress.done,
        "in_progress": progress.in_progress,
        "cancelled": progress.cancelled,
    }


def promise_api_url(request, promise_id):
    """The absolute URL of a promise in this API (/promises/{id}/)."""
    return request.build_absolute_uri(reverse("api:get_promise", kwargs={"promise_id": promise_id}))


# A page of the promise list, named as ninja's @paginate names it. The list builds its items
# as plain dicts (promises.api.summaries) and is not validated against it per request; the
# tests compare it with the single promise, which is.
class PagedPromiseSummaryOut(Schema):
    items: list[PromiseSummaryOut]
    count: int


class PromiseOut(PromiseSummaryOut):
    """A promise with every indicator's series."""

    indicators: list[IndicatorOut]


class UpdateOut(Schema):
    id: int
    promise_id: int
    commitment_id: int | None
    date: datetime.date | None  # None: the source does not give the date
    title: str
    text: str
    html: str
    byline: str
    old_status: str
    new_status: str
    source_url: str
    url: str

    @staticmethod
    def resolve_html(obj):
        from followup.markdown import render_markdown

        return str(render_markdown(obj.text))

    @staticmethod
    def resolve_url(obj, context):
        return context["request"].build_absolute_uri(obj.get_absolute_url())


class SurveyResultOut(Schema):
    question: str
    group: str
    value: float
    unit: str


class SurveyOut(Schema):
    id: int
    slug: str
    title: str
    locality: str
    year: int | None
    date_text: str
    respondents: int | None
    conducted_by: str
    description: str
    baseline_id: int | None
    promise_ids: list[int]
    results: list[SurveyResultOut]

    @staticmethod
    def resolve_locality(obj):
        return obj.locality.slug

    @staticmethod
    def resolve_promise_ids(obj):
        return [p.pk for p in obj.published_promises]


class OverviewOut(Schema):
    """One locality in the regional overview (/oversikt/): its current promise (in force,
    else the newest published) and how its follow-up goes."""

    locality: str
    locality_name: str
    current_promise: str
    current_promise_url: str
    phase: str
    commitments: int
    reported: int
    done: int
    delayed: int
    cancelled: int
    last_followup_on: datetime.date | None
    days_since_followup: int | None
    previous_promise_assessed: bool | None
