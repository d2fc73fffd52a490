"""What changed in a promise after it was given, from django-simple-history's records."""

from dataclasses import dataclass
from datetime import datetime

from django.apps import apps
from django.db.models import Subquery

from .models import Promise


@dataclass(frozen=True)
class TextChange:
    changed_at: datetime
    earlier_text: str


def commitment_text_changes(promise):
    """{commitment id: [TextChange, ...]} for the promise's commitments whose text was edited
    after the promise was first published (its first historical record in that state), oldest
    first. One query, however many commitments and edits there are."""
    # The historical models' plain managers: simple-history's `Model.history` builds a
    # manager class each time it is read.
    historical_promises = apps.get_model("promises", "HistoricalPromise")._default_manager
    historical_commitments = apps.get_model("promises", "HistoricalCommitment")._default_manager
    first_published = (
        historical_promises.filter(id=promise.pk, state=Promise.State.PUBLISHED)
        .order_by("history_date", "history_id")
        .values("history_date")[:1]
    )
    records = (
        historical_commitments.filter(promise_id=promise.pk)
        .annotate(since=Subquery(first_published))
        .order_by("id", "history_date", "history_id")
        .values_list("id", "history_date", "history_type", "text", "since")
    )
    changes, previous = {}, {}
    for commitment_id, when, kind, text, since in records:
        if since is None:
            return {}  # never published: nothing was promised yet
        earlier = previous.get(commitment_id)
        if kind == "~" and earlier is not None and earlier != text and when > since:
            changes.setdefault(commitment_id, []).append(TextChange(when, earlier))
        previous[commitment_id] = text
    return changes
