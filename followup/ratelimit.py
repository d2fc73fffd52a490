"""A small fixed-window rate limit on Django's cache (Redis in production, local memory in
development), keyed per client IP address and per session."""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    """The client's address. Behind `NUM_PROXIES` trusted proxies, the address the nearest
    of them saw, from the right of X-Forwarded-For (the left part can be forged)."""
    hops = settings.NUM_PROXIES
    if hops:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "")


class RateLimit:
    """At most `limit` events per `window` seconds for each of a request's keys."""

    def __init__(self, scope, limit, window):
        self.scope, self.limit, self.window = scope, limit, window

    def keys(self, request):
        keys = [f"ip:{client_ip(request)}"]
        session_key = request.session.session_key if hasattr(request, "session") else None
        if session_key:
            keys.append(f"session:{session_key}")
        # Hashed, so no address or session key is stored in the cache in clear.
        return [
            f"ratelimit:{self.scope}:" + hashlib.sha256(key.encode()).hexdigest()[:32]
            for key in keys
        ]

    def exceeded(self, request):
        counts = cache.get_many(self.keys(request))
        return any(count >= self.limit for count in counts.values())

    def hit(self, request):
        for key in self.keys(request):
            if not cache.add(key, 1, self.window):
                try:
                    cache.incr(key)
                except ValueError:  # expired between add() and incr()
                    cache.add(key, 1, self.window)


def feedback_limit():
    return RateLimit("feedback", settings.FEEDBACK_RATE_LIMIT, settings.FEEDBACK_RATE_WINDOW)


def subscribe_limit():
    return RateLimit("subscribe", settings.FEEDBACK_RATE_LIMIT, settings.FEEDBACK_RATE_WINDOW)
