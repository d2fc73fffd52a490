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
