"""Staleness: how long a promise has gone without a published follow-up note.

The rule, in one place: a promise is followed up while it is published, in force or
undated, and has no end-of-term verdict. Such a promise is stale when its last published
note, or (lacking one) the day it came into force, is more than STALE_AFTER_DAYS days old.
An upcoming, ended or judged promise, or a draft, is never stale.
"""

from django.conf import settings
from django.utils import timezone

from promises.models import Promise


def days_without_followup(promise, on=None):
    """Days since `promise` was last followed up, when that makes it stale; else None.

    Uses `last_followup_on`/`followup_since` when the queryset annotated them
    (`Promise.objects.annotate_last_followup()`), else asks the database once.
    """
    on = on or timezone.localdate()
    since = getattr(promise, "followup_since", None)
    if since is None:
        row = (
            Promise.objects.filter(pk=promise.pk)
            .followed_up(on)
            .annotate_last_followup()
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
    """The rule of `PromiseQuerySet.followed_up`, for one promise already in memory."""
    started = promise.starts_on is None or promise.starts_on <= on
    not_ended = promise.ends_on is None or promise.ends_on >= on
    # A missing reverse one-to-one raises an AttributeError subclass: hasattr is the test.
    return promise.is_published and started and not_ended and not hasattr(promise, "verdict")
