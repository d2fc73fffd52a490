"""Writes on promises that span models."""

import datetime

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .models import Commitment, Contact, Goal, Promise


def _free_slug(locality, base):
    taken = set(
        Promise.objects.filter(locality=locality, slug__startswith=base).values_list(
            "slug", flat=True
        )
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _next_dates(promise):
    """The next period: it starts the day after this one ends and lasts as long; unknown
    dates stay unknown (the period in words is copied)."""
    if promise.starts_on is None or promise.ends_on is None:
        return None, None
    starts = promise.ends_on + datetime.timedelta(days=1)
    first = promise.starts_on
    years = starts.year - first.year
    if years > 0 and (starts.month, starts.day) == (first.month, first.day):
        # Whole years (the usual one or two): the same calendar days, leap years or not.
        try:
            return starts, starts.replace(year=starts.year + years) - datetime.timedelta(days=1)
        except ValueError:  # 29 February
            pass
    return starts, starts + (promise.ends_on - promise.starts_on)


@transaction.atomic
def promise_start_next_period(promise, *, user=None):
    """A draft copy of `promise` for its next period, linked to it as its predecessor: the
    texts, parties, themes, commitments (their statuses reset to not reported), goals and
    contacts. Nothing of the follow-up (notes, measurements, verdict) is copied."""
    starts, ends = _next_dates(promise)
    title = _("%(title)s – next period") % {"title": promise.title}
    successor = Promise(
        locality=promise.locality,
        title=title[:200],
        slug=_free_slug(promise.locality, slugify(f"{promise.slug}-nasta-period")[:180]),
        state=Promise.State.DRAFT,
        starts_on=starts,
        ends_on=ends,
        period_text=promise.period_text,
        summary=promise.summary,
        background=promise.background,
        pledge_heading=promise.pledge_heading,
        pledge=promise.pledge,
        follow_up=promise.follow_up,
        predecessor=promise,
    )
    successor._history_user = user
    successor.save()
    successor.parties.set(promise.parties.all())
    successor.themes.set(promise.themes.all())
    for old in promise.commitments.prefetch_related("parties", "themes").order_by("order", "pk"):
        new = Commitment(
            promise=successor,
            text=old.text,
            order=old.order,
            status=Commitment.Status.UNREPORTED,
        )
        new._history_user = user
        new.save()
        new.parties.set(old.parties.all())
        new.themes.set(old.themes.all())
    for goal in promise.goals.order_by("order", "pk"):
        copy = Goal(promise=successor, text=goal.text, order=goal.order)
        copy._history_user = user
        copy.save()
    for contact in Contact.objects.filter(promises=promise):
        contact.promises.add(successor)
    return successor
