"""A small fixed-window rate limit, keyed per client IP address and per session.

Each request is counted atomically *before* what it asks for is saved (`hit_or_refuse`),
so simultaneous requests cannot all pass a check that none of them has counted yet. The
count must be the same in every worker process: it is kept in the cache when that is
shared and increments atomically (Redis in production, Memcached), otherwise (local
memory, the default in development, or any other backend) in the database.
"""

import contextlib
import datetime
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from .models import RateLimitCounter

# Cache backends whose `incr` is atomic and whose data every worker process shares.
SHARED_CACHE_BACKENDS = ("redis", "memcached")


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


class CacheCounter:
    """Counts in a shared cache: `add` starts a window, `incr` is atomic."""

    def incr(self, key, window):
        cache.add(key, 0, window)
        try:
            value = cache.incr(key)
        except ValueError:  # the window ended between add() and incr()
            cache.add(key, 0, window)
            value = cache.incr(key)
        if value == 1:
            # This request began the window. Redis' INCR recreates a key that expired
            # just before it without any expiry; the window must end all the same.
            cache.touch(key, window)
        return value

    def decr(self, key):
        with contextlib.suppress(ValueError):  # the window has ended: nothing to give back
            cache.decr(key)

    def counts(self, keys):
        return cache.get_many(keys)


class DatabaseCounter:
    """Counts in the database, one row per key, so every worker process shares the count.
    Each step begins with a write, which locks the row (PostgreSQL) or the database
    (SQLite) until the count is read back."""

    def incr(self, key, window):
        now = timezone.now()
        rows = RateLimitCounter.objects.filter(key=key)
        with transaction.atomic():
            if rows.filter(expires_at__gt=now).update(count=F("count") + 1):
                return rows.values_list("count", flat=True).get()
            # No window yet, or it has ended: start one. The condition is checked again
            # once a concurrent start has committed, so only one request starts it.
            ends = now + datetime.timedelta(seconds=window)
            if rows.filter(expires_at__lte=now).update(count=1, expires_at=ends):
                return 1
            try:
                # bulk_create sends no post_save: counting a request is no content edit,
                # and must not empty the public page cache (config.cache).
                with transaction.atomic():
                    RateLimitCounter.objects.bulk_create(
                        [RateLimitCounter(key=key, count=1, expires_at=ends)]
                    )
                return 1
            except IntegrityError:  # another request created it just now
                pass
        return self.incr(key, window)

    def decr(self, key):
        RateLimitCounter.objects.filter(key=key, count__gt=0).update(count=F("count") - 1)

    def counts(self, keys):
        rows = RateLimitCounter.objects.filter(key__in=keys, expires_at__gt=timezone.now())
        return dict(rows.values_list("key", "count"))


def purge_ended_windows(now=None):
    """Delete the database counts whose window has ended; returns how many. Raw SQL: a
    QuerySet.delete() would send post_delete and empty the public page cache for rows no
    page shows (config.cache)."""
    table = connection.ops.quote_name(RateLimitCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {table} WHERE expires_at <= %s",  # noqa: S608 - a model's table name
            [now or timezone.now()],
        )
        return cursor.rowcount


def counter():
    """The cache when every worker process shares it, otherwise the database."""
    backend = settings.CACHES["default"]["BACKEND"].lower()
    if any(name in backend for name in SHARED_CACHE_BACKENDS):
        return CacheCounter()
    return DatabaseCounter()


class RateLimit:
    """At most `limit` events per `window` seconds for each of a request's keys."""

    def __init__(self, scope, limit, window):
        self.scope, self.limit, self.window = scope, limit, window
        self.counter = counter()

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
        """A quick look, to answer early: only `hit_or_refuse` decides."""
        counts = self.counter.counts(self.keys(request))
        return any(count >= self.limit for count in counts.values())

    def hit(self, request):
        """Count an event that is refused anyway (the honeypot)."""
        for key in self.keys(request):
            self.counter.incr(key, self.window)

    def hit_or_refuse(self, request):
        """Count the request on every key, atomically; False (and nothing counted) when
        that takes any key past the limit. Call it before saving anything."""
        keys = self.keys(request)
        counted = []
        for key in keys:
            counted.append(key)
            if self.counter.incr(key, self.window) > self.limit:
                for done in counted:
                    self.counter.decr(done)
                return False
        return True

    def release(self, request):
        """Give back the count of a request that `hit_or_refuse` let through but that
        failed to be saved, so the resident can try again."""
        for key in self.keys(request):
            self.counter.decr(key)


def feedback_limit():
    return RateLimit("feedback", settings.FEEDBACK_RATE_LIMIT, settings.FEEDBACK_RATE_WINDOW)


def subscribe_limit():
    return RateLimit("subscribe", settings.FEEDBACK_RATE_LIMIT, settings.FEEDBACK_RATE_WINDOW)
