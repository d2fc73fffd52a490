"""Status reports in bulk: one CSV dialect (what Swedish Excel expects: `;` between cells,
UTF-8 with a byte-order mark), an export of a promise's commitments with their status and
latest reason, and an import that is first read in full, every change and every error shown
(row, column, reason), then applied all or nothing through followup.services.update_post,
the same rule as the report screen.

Importing an unchanged export changes nothing: a row whose status and reason are those of
the export is no change. Cells that a spreadsheet would run as a formula get an apostrophe
on export, which the import removes."""

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from promises.csv_dialect import (
    FORMULA_START,
    MAX_BYTES,
    NO,
    YES,
    Plan,
    RowError,
    guard,
    read_csv,
    unguard,
    write_csv,
)
from promises.models import Commitment

from .models import MEASUREMENT_LIMIT, Indicator, Measurement, Update, status_change_errors
from .services import update_post

# Column headers, in Swedish as the editors' spreadsheets are.
COLUMNS = {
    "id": gettext_lazy("commitment id"),
    "text": gettext_lazy("commitment"),
    "status": gettext_lazy("status"),
    "reason": gettext_lazy("reason"),
    "publish": gettext_lazy("publish"),
}
REQUIRED = ("id", "status", "reason")
__all__ = ["FORMULA_START", "MAX_BYTES", "guard", "read_csv", "unguard", "write_csv"]  # the dialect


def read_status_reports(data):
    return read_csv(data, COLUMNS, REQUIRED)


# --- Status reports ---------------------------------------------------------------------


def _status_labels():
    return {value: str(label) for value, label in Commitment.Status.choices}


def _latest_reasons(commitments):
    """{commitment id: latest note with a status (published or draft)}."""
    latest = {}
    notes = Update.objects.filter(commitment__in=commitments).exclude(new_status="")
    for note in notes.order_by("commitment_id", "created_at", "pk"):
        latest[note.commitment_id] = note
    return latest


def status_reports_csv(promise):
    """Every commitment of `promise`: id, text, status, the reason of its latest status
    note and whether that note is published."""
    commitments = list(promise.commitments.order_by("order", "pk"))
    latest = _latest_reasons(commitments)
    labels = _status_labels()
    rows = []
    for commitment in commitments:
        note = latest.get(commitment.pk)
        rows.append(
            [
                commitment.pk,
                commitment.text,
                labels[commitment.status],
                note.text if note else "",
                (_("yes") if note.published else _("no")) if note else "",
            ]
        )
    return write_csv([str(COLUMNS[k]) for k in COLUMNS], rows)


@dataclass
class Planned:
    row: int
    commitment: Commitment
    old_status: str
    new_status: str  # "" when the status stays
    reason: str
    publish: bool

    @property
    def old_label(self):
        return _status_labels()[self.old_status]

    @property
    def new_label(self):
        return _status_labels()[self.new_status] if self.new_status else ""


def _status_value(text):
    text = text.strip().lower()
    for value, label in Commitment.Status.choices:
        if text in (value, str(label).lower()):
            return value
    return None


def plan_status_reports(promise, rows):
    """What importing `rows` into `promise` would do: the changes and every error."""
    plan = Plan()
    commitments = {c.pk: c for c in promise.commitments.all()}
    latest = _latest_reasons(list(commitments.values()))
    seen = set()
    for number, row in rows:
        raw_id = row.get("id", "").strip()
        commitment = commitments.get(int(raw_id)) if raw_id.isdigit() and len(raw_id) < 12 else None
        if commitment is None:
            plan.errors.append(
                RowError(
                    number, str(COLUMNS["id"]), _("No commitment of this promise has this id.")
                )
            )
            continue
        if commitment.pk in seen:
            plan.errors.append(
                RowError(number, str(COLUMNS["id"]), _("The commitment appears on two rows."))
            )
            continue
        seen.add(commitment.pk)
        status = _status_value(row.get("status", ""))
        if status is None or status == Commitment.Status.UNREPORTED != commitment.status:
            plan.errors.append(
                RowError(
                    number,
                    str(COLUMNS["status"]),
                    _("Unknown status “%(value)s”.") % {"value": row.get("status", "")},
                )
            )
            continue
        publish_text = row.get("publish", "").strip().lower()
        if publish_text not in YES | NO:
            plan.errors.append(RowError(number, str(COLUMNS["publish"]), _("Write “ja” or “nej”.")))
            continue
        reason = row.get("reason", "").strip()
        note = latest.get(commitment.pk)
        new_status = "" if status == commitment.status else status
        if not new_status and (not reason or (note is not None and note.text.strip() == reason)):
            plan.unchanged += 1
            continue
        errors = status_change_errors(
            promise=promise, commitment=commitment, new_status=new_status, text=reason
        )
        if errors:
            plan.errors.extend(
                RowError(number, str(COLUMNS["reason"]), str(message))
                for message in errors.values()
            )
            continue
        plan.changes.append(
            Planned(number, commitment, commitment.status, new_status, reason, publish_text in YES)
        )
    return plan


@transaction.atomic
def apply_status_reports(promise, plan, *, author):
    """Post every planned note, all or nothing."""
    for change in plan.changes:
        update_post(
            promise=promise,
            commitment=change.commitment,
            new_status=change.new_status,
            text=change.reason,
            author=author,
            published=change.publish,
        )
    return len(plan.changes)


# --- Measurements -----------------------------------------------------------------------

MEASUREMENT_COLUMNS = {
    "id": gettext_lazy("measurement id"),
    "indicator": gettext_lazy("indicator"),
    "date": gettext_lazy("date"),
    "period": gettext_lazy("period in words"),
    "value": gettext_lazy("value"),
    "group": gettext_lazy("group"),
}
MEASUREMENT_REQUIRED = ("id", "indicator", "date", "value")


def _number(value):
    """A value as Swedish Excel writes it (decimal comma) or with a point; None if not."""
    text = value.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        number = Decimal(text)
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite() or abs(number) > MEASUREMENT_LIMIT:
        return None
    return (
        number.quantize(Decimal("0.001")) if number == number.quantize(Decimal("0.001")) else None
    )


def _written(number):
    text = format(number.normalize(), "f") if number is not None else ""
    return text.replace(".", ",")


def measurements_csv(promise):
    measurements = Measurement.objects.filter(
        indicator__promise=promise, indicator__survey_question=""
    ).select_related("indicator")
    rows = [
        [
            m.pk,
            m.indicator.slug,
            m.measured_on.isoformat() if m.measured_on else "",
            m.period_text,
            _written(m.value),
            m.group,
        ]
        for m in measurements.order_by("indicator__order", "indicator__pk", "measured_on", "pk")
    ]
    return write_csv([str(MEASUREMENT_COLUMNS[k]) for k in MEASUREMENT_COLUMNS], rows)


def read_measurements(data):
    return read_csv(data, MEASUREMENT_COLUMNS, MEASUREMENT_REQUIRED)


@dataclass
class PlannedMeasurement:
    row: int
    measurement: Measurement  # unsaved for a new one
    is_new: bool


def plan_measurements(promise, rows):
    plan = Plan()
    indicators = {i.slug: i for i in Indicator.objects.filter(promise=promise, survey_question="")}
    existing = {m.pk: m for m in Measurement.objects.filter(indicator__in=indicators.values())}
    seen = set()
    col = {key: str(label) for key, label in MEASUREMENT_COLUMNS.items()}
    for number, row in rows:
        raw_id = row.get("id", "").strip()
        measurement = None
        if raw_id:
            if raw_id.isdigit() and len(raw_id) < 12:
                measurement = existing.get(int(raw_id))
            if measurement is None or measurement.pk in seen:
                plan.errors.append(
                    RowError(number, col["id"], _("No measurement of this promise has this id."))
                )
                continue
            seen.add(measurement.pk)
        errors = []
        indicator = indicators.get(row.get("indicator", "").strip())
        if indicator is None:
            errors.append((col["indicator"], _("No indicator of this promise has this name.")))
        raw_date = row.get("date", "").strip()
        try:
            measured_on = datetime.date.fromisoformat(raw_date) if raw_date else None
        except ValueError:
            measured_on = None
            errors.append((col["date"], _("Write the date as YYYY-MM-DD.")))
        period = row.get("period", "").strip()
        if not raw_date and not period:
            errors.append((col["date"], _("Give a date or a period in words.")))
        value = _number(row.get("value", ""))
        if value is None:
            errors.append((col["value"], _("Write a number, e.g. 12 or 3,5.")))
        if errors:
            plan.errors.extend(RowError(number, c, str(m)) for c, m in errors)
            continue
        group = row.get("group", "").strip()
        new = (indicator.pk, measured_on, period, value, group)
        if measurement is not None:
            old = (
                measurement.indicator_id,
                measurement.measured_on,
                measurement.period_text,
                measurement.value,
                measurement.group,
            )
            if old == new:
                plan.unchanged += 1
                continue
        target = measurement or Measurement()
        target.indicator, target.measured_on, target.period_text = indicator, measured_on, period
        target.value, target.group = value, group
        try:
            target.full_clean()
        except ValidationError as error:
            plan.errors.extend(RowError(number, col["value"], m) for m in error.messages)
            continue
        plan.changes.append(PlannedMeasurement(number, target, measurement is None))
    return plan


@transaction.atomic
def apply_measurements(plan, *, author=None):
    for change in plan.changes:
        change.measurement._history_user = author
        change.measurement.save()
    return len(plan.changes)
