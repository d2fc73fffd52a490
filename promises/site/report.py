"""The end-of-term report of a promise: one page a samordnare prints (or saves as PDF) and a
board member reads in five minutes, and the same report as a Word document.

Built only from published data: a published promise, its commitments with their public
status, published follow-up notes, the verdict, figures, surveys and contacts. A draft
anything never reaches it. `promise_report` gathers it once for both formats."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from followup.models import CommitmentVerdict, Indicator, Update
from followup.selectors import series_for
from promises.models import Commitment, Contact, Promise
from situation.models import Place, Problem, SituationPicture, Survey, SurveyResult

from . import report_docx
from .views import _compare  # the promise page's survey comparison: one rule


class Kind:
    PROGRESS = "progress"  # lägesrapport: dated, while the term runs
    FINAL = "final"  # slutrapport: a verdict, or the end date has passed


def report_kind(promise, verdict, on=None):
    """A final report once the promise has a verdict or its end date has passed; an undated
    promise gets one only with a verdict. Until then a (dated) progress report."""
    on = on or timezone.localdate()
    if verdict is not None:
        return Kind.FINAL
    if promise.ends_on is not None and promise.ends_on < on:
        return Kind.FINAL
    return Kind.PROGRESS


def _published_status_notes(commitment):
    return [n for n in commitment.status_notes if n.published]


def public_status(commitment):
    """The status residents may see: the one set by the latest published note. A draft
    note's status is a proposal (followup.services.update_post writes it on the commitment
    at once), so before any published note it is the status the first note found."""
    published = _published_status_notes(commitment)
    if published:
        return published[-1].new_status
    if commitment.status_notes:
        return commitment.status_notes[0].old_status or commitment.status
    return commitment.status


def _public_reason(commitment):
    published = _published_status_notes(commitment)
    return published[-1].text if published else ""


@dataclass
class CommitmentRow:
    commitment: Commitment
    notes: list  # published notes on it, oldest first
    status: str  # its public status (public_status)
    reason: str  # the text of the latest published note that set its status
    verdict: CommitmentVerdict | None

    @property
    def status_label(self):
        return Commitment.Status(self.status).label

    @property
    def follow_up_dates(self):
        return [note.date for note in self.notes if note.date]

    @property
    def undone(self):
        if self.verdict is not None:
            return self.verdict.outcome != CommitmentVerdict.Outcome.DONE
        return self.status != Commitment.Status.DONE


@dataclass
class ProblemSection:
    problem: Problem | None  # None: the commitments the document ties to no problem
    rows: list


@dataclass
class FigureRow:
    indicator: Indicator
    points: list  # followup.selectors.Point, oldest first

    @property
    def latest(self):
        """The newest value(s): of the last date or year, one per group."""
        if not self.points:
            return []
        last = self.points[-1]
        key = (last.date, last.year, last.period_text)
        return [p for p in self.points if (p.date, p.year, p.period_text) == key]


@dataclass
class Report:
    promise: Promise
    kind: str
    made_on: datetime.date
    verdict: object
    sections: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    figures: list = field(default_factory=list)
    surveys: list = field(default_factory=list)
    contacts: list = field(default_factory=list)

    @property
    def is_final(self):
        return self.kind == Kind.FINAL

    @property
    def undone(self):
        return [row for row in self.rows if row.undone]


def _published_promise(locality, slug):
    notes = Update.objects.published().order_by("date", "pk")
    places = Place.objects.order_by("name").select_related("locality")
    problems = Problem.objects.order_by("order", "pk").prefetch_related(Prefetch("places", places))
    results = SurveyResult.objects.order_by("question", "group")
    return get_object_or_404(
        Promise.objects.published()
        .select_related("locality", "verdict")
        .prefetch_related(
            Prefetch(
                "commitments",
                Commitment.objects.order_by("order", "pk")
                .select_related("verdict")
                .prefetch_related(
                    Prefetch("updates", notes, to_attr="published_notes"),
                    Prefetch(
                        "updates",
                        Update.objects.exclude(new_status="").order_by("pk"),
                        to_attr="status_notes",
                    ),
                    Prefetch("problems", Problem.objects.only("pk")),
                ),
            ),
            Prefetch(
                "situation_pictures",
                SituationPicture.objects.order_by("-date", "title").prefetch_related(
                    Prefetch("problems", problems)
                ),
            ),
            Prefetch(
                "indicators",
                Indicator.objects.order_by("order", "pk").prefetch_related("measurements"),
            ),
            Prefetch(
                "surveys",
                Survey.objects.order_by("year", "title")
                .select_related("baseline")
                .prefetch_related(
                    Prefetch("results", results), Prefetch("baseline__results", results)
                ),
            ),
            Prefetch("contacts", Contact.objects.order_by("order", "name")),
        ),
        locality__slug=locality,
        slug=slug,
    )


def promise_report(promise, on=None):
    """Everything the report says about `promise` (loaded by `_published_promise`)."""
    on = on or timezone.localdate()
    verdict = getattr(promise, "verdict", None)
    rows = []
    for commitment in promise.commitments.all():
        notes = commitment.published_notes
        rows.append(
            CommitmentRow(
                commitment=commitment,
                notes=notes,
                status=public_status(commitment),
                reason=_public_reason(commitment),
                verdict=getattr(commitment, "verdict", None) if verdict else None,
            )
        )
    sections = []
    linked = set()
    for picture in promise.situation_pictures.all():
        for problem in picture.problems.all():
            answering = [
                row
                for row in rows
                if any(p.pk == problem.pk for p in row.commitment.problems.all())
            ]
            linked.update(row.commitment.pk for row in answering)
            sections.append(ProblemSection(problem=problem, rows=answering))
    rest = [row for row in rows if row.commitment.pk not in linked]
    if rest:
        sections.append(ProblemSection(problem=None, rows=rest))
    indicators = list(promise.indicators.all())
    for indicator in indicators:
        indicator.promise = promise  # series_for reads the locality's surveys through it
    series = series_for(indicators)
    return Report(
        promise=promise,
        kind=report_kind(promise, verdict, on),
        made_on=on,
        verdict=verdict,
        sections=sections,
        rows=rows,
        figures=[FigureRow(i, series[i.pk]) for i in indicators],
        surveys=[_compare(s) for s in promise.surveys.all()],
        contacts=list(promise.contacts.all()),
    )


def report_title(report):
    if report.is_final:
        return _("Final report")
    return _("Progress report")


@require_safe
def report_page(request, locality, slug):
    report = promise_report(_published_promise(locality, slug))
    context = {
        "report": report,
        "promise": report.promise,
        "report_title": report_title(report),
        "page_url": request.build_absolute_uri(report.promise.get_absolute_url()),
    }
    return render(request, "promises/promise_report.html", context)


@require_safe
def report_word(request, locality, slug):
    report = promise_report(_published_promise(locality, slug))
    page_url = request.build_absolute_uri(report.promise.get_absolute_url())
    content = report_docx.build(report, title=report_title(report), page_url=page_url)
    name = f"{report.promise.locality.slug}-{report.promise.slug}-{report.kind}.docx"
    response = HttpResponse(
        content,
        content_type=("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
