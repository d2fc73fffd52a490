"""The one rule for a promise's progress, computed from its commitments' statuses.

Done counts fully, in progress counts half; not started, not reported and delayed count
zero; cancelled commitments are left out of the denominator (but still listed on the page).
"""

from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

from .models import Commitment

Status = Commitment.Status

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

    @property
    def percent(self):
        """0..100, rounded; None when nothing counts (no commitments, or all cancelled)."""
        if not self.counted:
            return None
        return round(100 * self.score / self.counted)

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


def progress_of(statuses):
    """Progress from an iterable of commitment statuses."""
    counts = Counter(Status(s) for s in statuses)
    total = sum(counts.values())
    counted = total - counts.get(Status.CANCELLED, 0)
    score = sum((WEIGHTS[s] * n for s, n in counts.items() if s in WEIGHTS), Fraction(0))
    return Progress(counts=dict(counts), total=total, counted=counted, score=score)


def promise_progress(promise):
    """Progress of a promise; uses prefetched commitments when the view prepared them."""
    return progress_of(c.status for c in promise.commitments.all())
