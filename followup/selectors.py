"""Reads of the follow-up that span models, one definition each, used by the pages, the
API, the CSV files, the dashboard and the reminders alike.

Staleness: a promise is followed up while it is published, in force or undated, and has no
end-of-term verdict. Such a promise is stale when its last published note, or (lacking
one) the day it came into force, is more than STALE_AFTER_DAYS days old. An upcoming,
ended or judged promise, or a draft, is never stale. `promises_stale` says it in SQL,
`days_without_followup` for one promise in memory; both read `promises_followed_up`'s rule.

An indicator's series: its values over time, its measurements or the answers of the
locality's safety surveys to the indicator's survey question, so a later survey is drawn
against the baseline survey. `series_for` is the one definition, used by every surface: the
promise page's charts (promises.site.charts), the API (promises.api.schemas.IndicatorOut)
and the CSV (promises.api.downloads.measurements_csv).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import connections
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from promises.models import Commitment, Contact, Locality, Membership, Promise, published_q
from situation.models import Survey, SurveyResult

from .models import UPDATE_NEWEST_FIRST, Measurement, Update


def _latest_published_note(**lookup):
    # An undated note (the source gave no date) tells nothing of when it was last followed up.
    notes = Update.objects.filter(published=True, date__isnull=False, **lookup)
    return notes.order_by("-date").values("date")[:1]


def promises_with_last_followup(promises=None):
    """`last_followup_on`: the date of each promise's latest published follow-up note, or
    None; `followup_since`: that date, else the day the promise came into force (start,
    signing, or the day it was entered), the day staleness is counted from."""
    promises = Promise.objects.all() if promises is None else promises
    return promises.annotate(
        last_followup_on=Subquery(_latest_published_note(promise=OuterRef("pk")))
    ).annotate(
        followup_since=Coalesce(
            "last_followup_on", "starts_on", "signed_on", TruncDate("created_at")
        )
    )


def promises_followed_up(promises=None, on=None):
    """Promises that should be followed up now: published, in force or undated, and
    without an end-of-term verdict (an ended or judged promise is not stale, it is done)."""
    on = on or timezone.localdate()
    promises = Promise.objects.all() if promises is None else promises
    return promises.published().filter(
        Q(starts_on__isnull=True) | Q(starts_on__lte=on),
        Q(ends_on__isnull=True) | Q(ends_on__gte=on),
        verdict__isnull=True,
    )


def promises_stale(promises=None, on=None, after_days=None):
    """Promises followed up now whose last published note (or, lacking one, their start)
    is more than `after_days` (default: settings.STALE_AFTER_DAYS) days old."""
    on = on or timezone.localdate()
    after_days = settings.STALE_AFTER_DAYS if after_days is None else after_days
    limit = on - datetime.timedelta(days=after_days)
    return promises_with_last_followup(promises_followed_up(promises, on)).filter(
        followup_since__lt=limit
    )


def days_without_followup(promise, on=None):
    """Days since `promise` was last followed up, when that makes it stale; else None.

    Uses `followup_since` when the queryset was annotated (`promises_with_last_followup`),
    else asks the database once.
    """
    on = on or timezone.localdate()
    since = getattr(promise, "followup_since", None)
    if since is None:
        row = (
            promises_with_last_followup(
                promises_followed_up(Promise.objects.filter(pk=promise.pk), on)
            )
            .values("followup_since")
            .first()
        )
        if row is None:
            return None
        since = row["followup_since"]
    elif not _followed_up(promise, on):
        return None
    days = (on - since).days
    return days if days > settings.STALE_AFTER_DAYS else None


def _followed_up(promise, on):
    """The rule of `promises_followed_up`, for one promise already in memory."""
    started = promise.starts_on is None or promise.starts_on <= on
    not_ended = promise.ends_on is None or promise.ends_on >= on
    # A missing reverse one-to-one raises an AttributeError subclass: hasattr is the test.
    return promise.is_published and started and not_ended and not hasattr(promise, "verdict")


# --- An indicator's series --------------------------------------------------------------


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
    measurement_id: int | None = None  # None for a survey's answer


def _measurement_point(m):
    return Point(
        value=m.value,
        date=m.measured_on,
        period_text=m.period_text,
        year=m.measured_on.year if m.measured_on else None,
        group=m.group,
        qualifier=m.qualifier,
        source=m.source,
        measurement_id=m.pk,
    )


def _survey_point(result, survey, is_baseline):
    return Point(
        value=result.value,
        period_text=survey.date_text or (str(survey.year) if survey.year else ""),
        year=survey.year,
        group=result.group,
        source=survey.title,
        is_baseline=is_baseline,
    )


def _measurement_order(m):
    """Oldest first, undated ones (a period in words) last; as Measurement.Meta.ordering."""
    return (m.measured_on is None, m.measured_on or datetime.date.min, m.group, m.pk)


def _survey_order(survey):
    """Oldest first; a survey without a year (e.g. "innan sommaren") after the dated ones,
    the same on every database."""
    return (survey.year is None, survey.year or 0, survey.pk)


def series_prefetches(prefix=""):
    """What to prefetch on indicators (or on the objects at `prefix`, e.g. "indicators__")
    so that `series_for` runs no query of its own; the promise must be loaded with its
    locality (select_related, or the reverse prefetch from a promise that has it)."""
    return [f"{prefix}measurements", f"{prefix}promise__locality__surveys__results"]


def series_for(indicators):
    """{indicator pk: [Point, ...]} for every indicator given.

    A measured indicator's values are its measurements, oldest first (undated ones last).
    An indicator with a `survey_question` takes instead each answer to that question in the
    safety surveys of its promise's locality, oldest survey first, by group, a survey that
    another one is compared with marked `is_baseline`.

    Reads what `series_prefetches` prefetched; what is not prefetched it reads in at most
    one query for the measurements and one for the survey answers, whatever the number of
    indicators."""
    indicators = list(indicators)
    measurements = _measurements_of([i for i in indicators if not i.survey_question])
    answers = _answers_to([i for i in indicators if i.survey_question])
    series = {}
    for indicator in indicators:
        if indicator.survey_question:
            key = (answers.locality_of[indicator.promise_id], indicator.survey_question)
            series[indicator.pk] = [
                _survey_point(result, survey, is_baseline)
                for survey, result, is_baseline in answers.get(key, [])
            ]
        else:
            series[indicator.pk] = [
                _measurement_point(m)
                for m in sorted(measurements.get(indicator.pk, []), key=_measurement_order)
            ]
    return series


def indicator_series(indicator):
    """The values of one indicator (see `series_for`)."""
    return series_for([indicator])[indicator.pk]


def _prefetched(obj, name):
    """The prefetched objects of a relation, or None when it was not prefetched."""
    cached = getattr(obj, "_prefetched_objects_cache", {}).get(name)
    return None if cached is None else list(cached)


def _measurements_of(indicators):
    """{indicator pk: [Measurement, ...]}, prefetched or in one query."""
    found = {}
    missing = []
    for indicator in indicators:
        prefetched = _prefetched(indicator, "measurements")
        if prefetched is None:
            missing.append(indicator.pk)
        else:
            found[indicator.pk] = prefetched
    if missing:
        for m in Measurement.objects.filter(indicator__in=missing).order_by():
            found.setdefault(m.indicator_id, []).append(m)
    return found


class _Answers(dict):
    """{(locality pk, question): [(survey, result, is_baseline), ...]} in series order, and
    `locality_of`: {promise pk: locality pk}."""

    def __init__(self, locality_of):
        super().__init__()
        self.locality_of = locality_of


def _loaded(obj, name):
    """A forward relation's object if it was loaded (select_related or set by a prefetch)."""
    return obj._state.fields_cache.get(name) if obj is not None else None


def _prefetched_surveys(indicators):
    """{locality pk: [Survey, ...]} when every indicator's promise came with its locality's
    surveys and their results prefetched, else None."""
    by_locality = {}
    for indicator in indicators:
        locality = _loaded(_loaded(indicator, "promise"), "locality")
        surveys = _prefetched(locality, "surveys") if locality is not None else None
        if surveys is None or any(_prefetched(s, "results") is None for s in surveys):
            return None
        by_locality[locality.pk] = surveys
    return by_locality


def _answers_to(indicators):
    promises = [_loaded(i, "promise") for i in indicators]
    if all(promises):
        locality_of = {p.pk: p.locality_id for p in promises}
    else:
        locality_of = dict(
            Promise.objects.filter(pk__in={i.promise_id for i in indicators}).values_list(
                "pk", "locality"
            )
        )
    answers = _Answers(locality_of)
    if not indicators:
        return answers
    prefetched = _prefetched_surveys(indicators)
    if prefetched is not None:
        rows = []
        for surveys in prefetched.values():
            baselines = {s.baseline_id for s in surveys}
            rows += [
                (survey, result, survey.pk in baselines)
                for survey in surveys
                for result in survey.results.all()
            ]
    else:
        results = (
            SurveyResult.objects.filter(
                survey__locality__in=set(locality_of.values()),
                question__in={i.survey_question for i in indicators},
            )
            .select_related("survey")
            .annotate(
                is_baseline=Exists(
                    Survey.objects.filter(
                        baseline=OuterRef("survey"), locality=OuterRef("survey__locality")
                    )
                )
            )
            .order_by()
        )
        rows = [(r.survey, r, r.is_baseline) for r in results]
    for survey, result, is_baseline in sorted(
        rows, key=lambda row: (_survey_order(row[0]), row[1].group)
    ):
        answers.setdefault((survey.locality_id, result.question), []).append(
            (survey, result, is_baseline)
        )
    return answers


# --- Who receives residents' feedback ---------------------------------------------------


def feedback_recipients(locality_id):
    """The addresses a locality's feedback goes to: its team's accounts (kommunpoliser and
    samordnare, who may both read feedback in the admin) and its contact persons with an
    e-mail address. The one rule, used for the e-mail and for what residents are told."""
    members = Membership.objects.filter(locality_id=locality_id, user__is_active=True).exclude(
        user__email=""
    )
    contacts = Contact.objects.filter(locality_id=locality_id).exclude(email="")
    return sorted(
        {email.strip().lower() for email in members.values_list("user__email", flat=True)}
        | {email.strip().lower() for email in contacts.values_list("email", flat=True)}
    )


def feedback_reachable(path="pk"):
    """Whether the locality at `path` (of the rows being queried) has anybody to receive
    its feedback, as an expression to annotate: the rule of `feedback_recipients`."""
    members = Membership.objects.filter(locality=OuterRef(path), user__is_active=True).exclude(
        user__email=""
    )
    contacts = Contact.objects.filter(locality=OuterRef(path)).exclude(email="")
    return ExpressionWrapper(Q(Exists(members)) | Q(Exists(contacts)), BooleanField())


def localities_reachable(localities=None):
    """The localities whose feedback reaches somebody (see `feedback_recipients`)."""
    localities = Locality.objects.all() if localities is None else localities
    return localities.alias(reachable=feedback_reachable()).filter(reachable=True)


# --- The editors' start page ("Att göra") ------------------------------------------------

ENDING_WITHIN_DAYS = 60


@dataclass
class LocalityWork:
    """What one locality's editor has to do, each list ready for the start page."""

    locality: object
    may_report: bool = False
    stale: list = None  # promises without follow-up for STALE_AFTER_DAYS, with `unreported`
    feedback: list = None
    draft_promises: list = None
    draft_notes: list = None
    ending: list = None  # promises ending within ENDING_WITHIN_DAYS, or ended without verdict

    @property
    def is_empty(self):
        return not any(
            (self.stale, self.feedback, self.draft_promises, self.draft_notes, self.ending)
        )


def commitments_never_reported(commitments=None):
    """Commitments that no note has ever given a status (published or draft)."""
    commitments = Commitment.objects.all() if commitments is None else commitments
    return commitments.exclude(
        Exists(Update.objects.filter(commitment=OuterRef("pk")).exclude(new_status=""))
    )


def editor_worklist(user, on=None, may_report_in=()):
    """[LocalityWork] for every locality `user` edits, by locality name.

    The stale promises are the one staleness rule (`promises_stale`); `may_report_in` are
    the ids of the localities where the user may post notes (their links go to the report
    screen)."""
    from promises.models import Locality

    from .models import Feedback

    on = on or timezone.localdate()
    localities = list(Locality.objects.editable_by(user).order_by("name"))
    if not localities:
        return []
    mine = Promise.objects.editable_by(user)
    work = {
        loc.pk: LocalityWork(loc, loc.pk in set(may_report_in), [], [], [], [], [])
        for loc in localities
    }
    stale = promises_stale(mine, on).select_related("locality").order_by("followup_since", "title")
    unreported = {}
    for commitment in commitments_never_reported(
        Commitment.objects.filter(promise__in=[p.pk for p in stale])
    ).order_by("order", "pk"):
        unreported.setdefault(commitment.promise_id, []).append(commitment)
    for promise in stale:
        promise.unreported = unreported.get(promise.pk, [])
        promise.days = (on - promise.followup_since).days
        work[promise.locality_id].stale.append(promise)
    feedback = (
        Feedback.objects.filter(locality__in=work.keys(), handled=False)
        .select_related("promise")
        .order_by("created_at")
    )
    for item in feedback:
        work[item.locality_id].feedback.append(item)
    for promise in mine.exclude(published_q()).order_by("title"):
        work[promise.locality_id].draft_promises.append(promise)
    notes = (
        Update.objects.editable_by(user)
        .filter(published=False)
        .select_related("promise", "commitment")
        .order_by("-created_at")
    )
    for note in notes:
        work[note.promise.locality_id].draft_notes.append(note)
    soon = on + datetime.timedelta(days=ENDING_WITHIN_DAYS)
    ending = (
        mine.published()
        .filter(ends_on__isnull=False, ends_on__lte=soon, verdict__isnull=True)
        .order_by("ends_on", "title")
    )
    for promise in ending:
        promise.has_ended = promise.ends_on < on
        work[promise.locality_id].ending.append(promise)
    return list(work.values())


# --- Feedback ---------------------------------------------------------------------------

USUAL_ANSWER_SAMPLE = 3  # answered messages needed before the receipt tells from them


def usual_answer_days(locality, on=None):
    """How many days the locality's team usually takes to answer feedback: the median over
    the last year's answered messages, or FEEDBACK_USUAL_ANSWER_DAYS while there are too
    few to tell."""
    from .models import Feedback

    now = on or timezone.now()
    answered = Feedback.objects.filter(
        locality=locality,
        answered_at__isnull=False,
        created_at__gte=now - datetime.timedelta(days=365),
    ).values_list("created_at", "answered_at")
    days = sorted(max(0, (answered_at - created).days) for created, answered_at in answered)
    if len(days) < USUAL_ANSWER_SAMPLE:
        return settings.FEEDBACK_USUAL_ANSWER_DAYS
    return max(1, days[len(days) // 2])


def newest_updates(updates, count):
    """The first `count` of `updates` (published notes) in UPDATE_NEWEST_FIRST order, in one
    query that reads a few rows instead of sorting every note.

    That order's key, a note's date or else its promise's, spans two tables and cannot be
    indexed: sorting 74 000 notes took 120 ms at 300 localities. But the dated notes come
    newest first straight off the index `update_published_newest`, so the first `count`
    notes are among the first `count` dated ones and the first `count` undated ones (few).
    SQLite cannot limit the parts of a UNION: there, the plain sort (small databases)."""
    ordered = updates.order_by(*UPDATE_NEWEST_FIRST)
    if not connections[updates.db].features.supports_slicing_ordering_in_compound:
        return ordered[:count]
    dated = updates.filter(date__isnull=False).order_by("-date", "-pk").values("pk")[:count]
    undated = ordered.filter(date__isnull=True).values("pk")[:count]
    return ordered.filter(pk__in=dated.union(undated, all=True))[:count]
