"""The progress rule: done 1, in progress ½, others 0, cancelled out of the denominator."""

import pytest

from promises.progress import progress_of

S = {
    "d": "done",
    "p": "in_progress",
    "n": "not_started",
    "u": "unreported",
    "l": "delayed",
    "c": "cancelled",
}


@pytest.mark.parametrize(
    ("statuses", "percent"),
    [
        ("", None),  # no commitments: nothing to measure
        ("cc", None),  # all cancelled: nothing left to count
        ("dddd", 100),
        ("nnnn", 0),
        ("dp", 75),
        ("dnc", 50),  # the cancelled one is left out
        ("dddppppn", 62),  # 3 + 4 * 0.5 = 5 of 8
        ("lu", 0),
    ],
)
def test_progress_percent(statuses, percent):
    assert progress_of(S[s] for s in statuses).percent == percent


def test_cancelled_commitments_are_counted_but_not_in_the_denominator():
    progress = progress_of(["done", "cancelled", "in_progress"])

    assert (progress.total, progress.counted, progress.done, progress.cancelled) == (3, 2, 1, 1)
