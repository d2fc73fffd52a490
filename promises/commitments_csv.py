"""A promise's commitments in bulk (for the kommunpolis): export their wording, order and
parties as CSV (promises.csv_dialect), import them back with a preview of every change and
every error, all or nothing. Only the promise's parties may own a commitment; the order is
numbered 1, 2, 3, … after an import; commitments left out of the file are kept."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .csv_dialect import Plan, RowError, read_csv, write_csv
from .models import Commitment

COLUMNS = {
    "id": gettext_lazy("commitment id"),
    "text": gettext_lazy("commitment"),
    "order": gettext_lazy("order"),
    "parties": gettext_lazy("parties"),
}
REQUIRED = ("id", "text", "order", "parties")
PARTY_SEPARATOR = ","


def commitments_csv(promise):
    rows = [
        [
            c.pk,
            c.text,
            c.order,
            f"{PARTY_SEPARATOR} ".join(p.name for p in c.parties.order_by("name")),
        ]
        for c in promise.commitments.prefetch_related("parties").order_by("order", "pk")
    ]
    return write_csv([str(COLUMNS[k]) for k in COLUMNS], rows)


def read_commitments(data):
    return read_csv(data, COLUMNS, REQUIRED)


@dataclass
class Planned:
    row: int
    commitment: Commitment | None  # None: a new commitment
    text: str
    order: int
    parties: list
    what: list  # the columns that change


def plan_commitments(promise, rows, *, may_add=True):
    plan = Plan()
    existing = {c.pk: c for c in promise.commitments.prefetch_related("parties")}
    parties = {p.name.strip().lower(): p for p in promise.parties.all()}
    seen = set()
    for number, row in rows:
        raw_id = row.get("id", "").strip()
        commitment = None
        if raw_id:
            if raw_id.isdigit() and len(raw_id) < 12:
                commitment = existing.get(int(raw_id))
            if commitment is None or commitment.pk in seen:
                message = (
                    _("The commitment appears on two rows.")
                    if commitment is not None
                    else _("No commitment of this promise has this id.")
                )
                plan.errors.append(RowError(number, str(COLUMNS["id"]), message))
                continue
            seen.add(commitment.pk)
        elif not may_add:
            plan.errors.append(
                RowError(number, str(COLUMNS["id"]), _("You may not add commitments."))
            )
            continue
        errors = []
        text = row.get("text", "").strip()
        if not text:
            errors.append((COLUMNS["text"], _("Write the commitment's wording.")))
        raw_order = row.get("order", "").strip()
        order = int(raw_order) if raw_order.isdigit() and len(raw_order) < 7 else None
        if order is None or order < 1:
            errors.append((COLUMNS["order"], _("The order is a whole number from 1.")))
        chosen = []
        for name in row.get("parties", "").split(PARTY_SEPARATOR):
            if not name.strip():
                continue
            party = parties.get(name.strip().lower())
            if party is None:
                errors.append(
                    (
                        COLUMNS["parties"],
                        _("“%(name)s” is not one of the promise's parties.")
                        % {"name": name.strip()},
                    )
                )
            else:
                chosen.append(party)
        if errors:
            plan.errors.extend(RowError(number, str(col), str(msg)) for col, msg in errors)
            continue
        if commitment is None:
            plan.changes.append(Planned(number, None, text, order, chosen, [str(COLUMNS["text"])]))
            continue
        what = []
        if commitment.text.strip() != text:
            what.append(str(COLUMNS["text"]))
        if commitment.order != order:
            what.append(str(COLUMNS["order"]))
        if {p.pk for p in commitment.parties.all()} != {p.pk for p in chosen}:
            what.append(str(COLUMNS["parties"]))
        if what:
            plan.changes.append(Planned(number, commitment, text, order, chosen, what))
        else:
            plan.unchanged += 1
    return plan


@transaction.atomic
def apply_commitments(promise, plan, *, user=None):
    """Save every planned change, all or nothing; then number the rows 1, 2, 3, …"""
    for change in plan.changes:
        commitment = change.commitment or Commitment(promise=promise)
        commitment.text, commitment.order = change.text, change.order
        commitment._history_user = user
        commitment.save()
        commitment.parties.set(change.parties)
    rows = list(
        Commitment.objects.select_for_update().filter(promise=promise).order_by("order", "pk")
    )
    for number, row in enumerate(rows, start=1):
        if row.order != number:
            row.order = number
            row._history_user = user
            row.save(update_fields=["order"])
    return len(plan.changes)
