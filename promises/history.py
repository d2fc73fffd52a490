"""What changed in a promise after it was given, from django-simple-history's records."""

from dataclasses import dataclass
from datetime import datetime

from .models import Commitment, Promise


@dataclass(frozen=True)
class TextChange:
    changed_at: datetime
    earlier_text: str


def published_at(promise):
    """When the promise was first published (its first historical record in that state)."""
    record = (
        Promise.history.filter(id=promise.pk, state=Promise.State.PUBLISHED)
        .order_by("history_date", "history_id")
        .values_list("history_date", flat=True)
        .first()
    )
    return record


def commitment_text_changes(promise):
    """{commitment id: [TextChange, ...]} for the promise's commitments whose text was edited
    after the promise was first published, oldest first. Two queries, however many
    commitments and edits there are."""
    since = published_at(promise)
    if since is None:
        return {}
    records = (
        Commitment.history.filter(promise_id=promise.pk)
        .order_by("id", "history_date", "history_id")
        .values_list("id", "history_date", "history_type", "text")
    )
    changes, previous = {}, {}
    for commitment_id, when, kind, text in records:
        earlier = previous.get(commitment_id)
        if kind == "~" and earlier is not None and earlier != text and when > since:
            changes.setdefault(commitment_id, []).append(TextChange(when, earlier))
        previous[commitment_id] = text
    return changes
