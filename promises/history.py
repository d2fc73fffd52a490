"""What changed in a promise after it was given, from django-simple-history's records."""

from dataclasses import dataclass
from datetime import datetime

from django.apps import apps
from django.db.models import CharField, F, IntegerField, TextField, Value
from django.db.models.functions import Cast

from .models import Promise


@dataclass(frozen=True)
class TextChange:
    changed_at: datetime
    earlier_text: str


def commitment_text_changes(promise):
    """{commitment id: [TextChange, ...]} for the promise's commitments, oldest first: each
    wording that residents could read, replaced by another they could read.

    A wording was public if it was the commitment's text at some moment while the promise
    was published. A wording written and replaced while the promise was a draft (unpublished
    and edited twice, say) never was, so it is never shown as an earlier wording. A change
    is dated when the new wording became public. One query, however many commitments, edits
    and publications there are."""
    # The historical models' plain managers: simple-history's `Model.history` builds a
    # manager class each time it is read.
    historical_promises = apps.get_model("promises", "HistoricalPromise")._default_manager
    historical_commitments = apps.get_model("promises", "HistoricalCommitment")._default_manager
    columns = ("source", "item", "at", "record", "kind", "body")
    promise_records = (
        historical_promises.filter(id=promise.pk)
        .annotate(
            source=Value(0, IntegerField()),
            item=Value(None, IntegerField()),
            at=F("history_date"),
            record=F("history_id"),
            kind=F("history_type"),
            body=Cast("state", TextField()),
        )
        .values_list(*columns)
        .order_by()
    )
    commitment_records = (
        historical_commitments.filter(promise_id=promise.pk)
        .annotate(
            source=Value(1, IntegerField()),
            item=F("id"),
            at=F("history_date"),
            record=F("history_id"),
            kind=Cast("history_type", CharField()),
            body=Cast("text", TextField()),
        )
        .values_list(*columns)
        .order_by()
    )
    events = sorted(promise_records.union(commitment_records, all=True), key=_event_order)

    published, texts, public = False, {}, {}

    def shown(commitment_id, text, when):
        wordings = public.setdefault(commitment_id, [])
        if not wordings or wordings[-1][0] != text:
            wordings.append((text, when))

    for source, commitment_id, when, _record, kind, body in events:
        if source == 0:
            published = body == Promise.State.PUBLISHED
            if published:
                for item, text in texts.items():
                    shown(item, text, when)
        elif kind == "-":
            texts.pop(commitment_id, None)
        else:
            texts[commitment_id] = body
            if published:
                shown(commitment_id, body, when)

    return {
        commitment_id: [
            TextChange(wordings[n][1], wordings[n - 1][0]) for n in range(1, len(wordings))
        ]
        for commitment_id, wordings in public.items()
        if len(wordings) > 1
    }


def _event_order(event):
    source, _item, when, record, _kind, _body = event
    return (when, source, record)


# --- History that reads (the admin's history pages) --------------------------------------


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class Entry:
    """One historical record of a promise's commitment, goal or indicator."""

    changed_at: datetime
    kind: str
    what: str
    name: str
    who: object
    changes: tuple


def _empty():
    from django.utils.translation import gettext

    return gettext("(empty)")


def readable_value(field, value):
    """A historical value as an editor reads it: a choice's label, Ja/Nej, "(tom)"."""
    from django.utils.text import Truncator
    from django.utils.translation import gettext

    if value is None or value == "" or value == []:
        return _empty()
    if field is not None and getattr(field, "flatchoices", None):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or _empty()
    return Truncator(str(value)).chars(300)


def readable_changes(model, delta):
    """[Change] for a simple-history ModelDelta: the field's own (translated) name and both
    values readable."""
    from django.core.exceptions import FieldDoesNotExist
    from django.utils.text import capfirst

    changes = []
    for change in delta.changes:
        try:
            field = model._meta.get_field(change.field)
            label = capfirst(field.verbose_name)
        except FieldDoesNotExist:
            field, label = None, change.field
        changes.append(
            Change(str(label), readable_value(field, change.old), readable_value(field, change.new))
        )
    return tuple(changes)


def _kind(history_type):
    from django.utils.translation import gettext

    return {"+": gettext("Added"), "~": gettext("Changed"), "-": gettext("Deleted")}.get(
        history_type, history_type
    )


# (app label, model, lookup to the promise): what a promise's history also shows.
RELATED_HISTORY = (
    ("promises", "Commitment", "promise_id"),
    ("promises", "Goal", "promise_id"),
    ("followup", "Indicator", "promise_id"),
)


def related_history(promise, limit=300):
    """[Entry], newest first: every recorded change of the promise's commitments, goals and
    indicators, with who made it and when (one query per kind of row)."""
    from django.utils.text import Truncator, capfirst

    entries = []
    for app_label, name, lookup in RELATED_HISTORY:
        try:
            model = apps.get_model(app_label, name)
        except LookupError:
            continue
        historical = apps.get_model(app_label, f"Historical{name}")._default_manager
        records = (
            historical.filter(**{lookup: promise.pk})
            .select_related("history_user")
            .order_by("id", "history_date", "history_id")
        )
        previous = None
        for record in records:
            changes = ()
            if previous is not None and previous.id == record.id and record.history_type != "-":
                delta = record.diff_against(previous, foreign_keys_are_objs=False)
                changes = readable_changes(model, delta)
            label = getattr(record, "text", None) or getattr(record, "name", "") or ""
            entries.append(
                Entry(
                    changed_at=record.history_date,
                    kind=_kind(record.history_type),
                    what=str(capfirst(model._meta.verbose_name)),
                    name=Truncator(label).words(12),
                    who=record.history_user,
                    changes=changes,
                )
            )
            previous = record
    entries.sort(key=lambda e: e.changed_at, reverse=True)
    return entries[:limit]
