"""Forcing the interleavings of simultaneous requests, rather than hoping threads meet."""

import sys

from followup.ratelimit import RateLimit


def all_pass_the_check_before_any_is_counted(monkeypatch, posts):
    """Force the race of simultaneous requests: each request's rate-limit check runs the
    next request before returning, so every check is made before anything is counted or
    saved, the interleaving that 30 simultaneous POSTs produced by chance."""
    original = RateLimit.exceeded
    pending = list(posts)
    responses = []

    def exceeded_then_let_the_next_one_in(self, request):
        result = original(self, request)
        if pending:
            responses.append(pending.pop(0)())
        return result

    monkeypatch.setattr(RateLimit, "exceeded", exceeded_then_let_the_next_one_in)
    # The requests nest inside each other's checks: a dozen whole middleware stacks deep.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))
    try:
        responses.append(pending.pop(0)())
    finally:
        sys.setrecursionlimit(limit)
    return responses
