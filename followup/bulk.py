"""Status reports in bulk: one CSV dialect (what Swedish Excel expects: `;` between cells,
UTF-8 with a byte-order mark), an export of a promise's commitments with their status and
latest reason, and an import that is first read in full, every change and every error shown
(row, column, reason), then applied all or nothing through followup.services.update_post,
the same rule as the report screen.

Importing an unchanged export changes nothing: a row whose status and reason are those of
the export is no change. Cells that a spreadsheet would run as a formula get an apostrophe
on export, which the import removes."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from promises.csv_dialect import (
    FORMULA_START,
    MAX_BYTES,
    NO,
    YES,
    guard,
    read_csv,
    unguard,
    write_csv,
)
from promises.models import Commitment

from .models import Update, status_change_errors
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


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class Plan:
    changes: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    unchanged: int = 0


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
