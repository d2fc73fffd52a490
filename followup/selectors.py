"""Reads of the follow-up that span models, one definition each, used by the pages, the
API, the CSV files, the dashboard and the reminders alike.

Staleness: a promise is followed up while it is published, in force or undated, and has no
end-of-term verdict. Such a promise is stale when its last published note, or (lacking
one) the day it came into force, is more than STALE_AFTER_DAYS days old. An upcoming,
ended or judged promise, or a draft, is never stale. `promises_stale` says it in SQL,
`days_without_followup` for one promise in memory; both read `promises_followed_up`'s rule.
"""

import datetime

from django.conf import settings
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from promises.models import Commitment, Promise

from .models import Update


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


def commitments_with_last_followup(commitments=None):
    """`last_followup_on`: the date of the latest published note on each commitment."""
    commitments = Commitment.objects.all() if commitments is None else commitments
    return commitments.annotate(
        last_followup_on=Subquery(_latest_published_note(commitment=OuterRef("pk")))
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
