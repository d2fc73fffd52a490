"""The one rule for a promise's progress, computed from its commitments' statuses, and
the one wording of it, per state and phase, for every surface (promise page, cards, embed,
feeds, API, CSV).

Done counts fully, in progress counts half; not started, not reported and delayed count
zero; cancelled commitments are left out of the denominator (but still listed on the page).
A percentage exists only once a status has been reported: "no status reported" is not 0 %.
"""

from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

from django.db import models
from django.utils.translation import gettext_lazy

from .models import Commitment, Promise

Status = Commitment.Status
Phase = Promise.Phase


class State(models.TextChoices):
    """What a promise's progress can say, whatever the surface."""

    NO_COMMITMENTS = "no_commitments", gettext_lazy("No commitments")
    ALL_CANCELLED = "all_cancelled", gettext_lazy("Every commitment cancelled")
    NOT_REPORTED = "not_reported", gettext_lazy("No status reported")
    REPORTED = "reported", gettext_lazy("Reported")


# The wording of each state, per phase; a percentage is put into the REPORTED ones. Defined
# once here: "so far" only while the promise is in force.
_REPORTED = {
    Phase.ACTIVE: gettext_lazy("%(percent)s %% kept so far"),
    Phase.UPCOMING: gettext_lazy("%(percent)s %% kept before the period has begun"),
    Phase.ENDED: gettext_lazy("%(percent)s %% kept, as last reported"),
    Phase.UNDATED: gettext_lazy("%(percent)s %% kept, as last reported"),
}
_NOT_REPORTED = {
    Phase.ACTIVE: gettext_lazy("No status has been reported yet."),
    Phase.UPCOMING: gettext_lazy("The period has not begun; no status has been reported yet."),
    Phase.ENDED: gettext_lazy("The period has ended; no status was reported."),
    Phase.UNDATED: gettext_lazy("No status has been reported yet."),
}
_OTHER = {
    State.NO_COMMITMENTS: gettext_lazy("No commitments have been published yet."),
    State.ALL_CANCELLED: gettext_lazy("Every commitment has been cancelled."),
}

WEIGHTS = {
    Status.DONE: Fraction(1),
    Status.IN_PROGRESS: Fraction(1, 2),
    Status.NOT_STARTED: Fraction(0),
    Status.UNREPORTED: Fraction(0),
    Status.DELAYED: Fraction(0),
}


@dataclass(frozen=True)
class Progress:
    counts: dict
    total: int  # every commitment, cancelled included
    counted: int  # the denominator: every commitment but the cancelled
    score: Fraction
    phase: str = Phase.ACTIVE  # the promise's phase, for the wording

    @property
    def state(self):
        if not self.total:
            return State.NO_COMMITMENTS
        if not self.counted:
            return State.ALL_CANCELLED
        if not self.reported:
            return State.NOT_REPORTED
        return State.REPORTED

    @property
    def percent(self):
        """0..100, rounded; None unless a status has been reported (no commitments, all
        cancelled, or nobody has reported yet: not 0 %)."""
        if self.state != State.REPORTED:
            return None
        return round(100 * self.score / self.counted)

    @property
    def summary(self):
        """The progress in one sentence, in the active language: the same on every surface."""
        state = self.state
        if state == State.REPORTED:
            return str(_REPORTED[Phase(self.phase)]) % {"percent": self.percent}
        if state == State.NOT_REPORTED:
            return str(_NOT_REPORTED[Phase(self.phase)])
        return str(_OTHER[state])

    def count(self, status):
        return self.counts.get(status, 0)

    @property
    def done(self):
        return self.count(Status.DONE)

    @property
    def in_progress(self):
        return self.count(Status.IN_PROGRESS)

    @property
    def cancelled(self):
        return self.count(Status.CANCELLED)

    @property
    def unreported(self):
        return self.count(Status.UNREPORTED)

    @property
    def reported(self):
        """Counted commitments whose status somebody has actually reported."""
        return self.counted - self.unreported


def progress_of(statuses, phase=Phase.ACTIVE):
    """Progress from an iterable of commitment statuses, of a promise in `phase`."""
    counts = Counter(Status(s) for s in statuses)
    total = sum(counts.values())
    counted = total - counts.get(Status.CANCELLED, 0)
    score = sum((WEIGHTS[s] * n for s, n in counts.items() if s in WEIGHTS), Fraction(0))
    return Progress(
        counts=dict(counts), total=total, counted=counted, score=score, phase=Phase(phase)
    )


def promise_progress(promise, on=None):
    """Progress of a promise; uses prefetched commitments when the view prepared them."""
    return progress_of((c.status for c in promise.commitments.all()), promise.phase(on))
