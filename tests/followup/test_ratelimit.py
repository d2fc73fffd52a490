"""The rate limit counts atomically, before anything is saved, in one place for all workers."""

import datetime
import threading

import pytest
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone

from followup import ratelimit
from followup.models import RateLimitCounter
from followup.ratelimit import CacheCounter, DatabaseCounter, RateLimit

LIMIT, REQUESTS = 5, 12


def request_from(address="192.0.2.1"):
    return RequestFactory().post("/synpunkter/", REMOTE_ADDR=address)


def allowed_when_all_check_first(limit):
    """REQUESTS threads: each checks, all wait at a barrier (so every check is made
    before any count), then each counts. Returns how many were let through."""
    barrier = threading.Barrier(REQUESTS, timeout=30)
    allowed, errors = [], []

    def one_request():
        try:
            request = request_from()
            if limit.exceeded(request):
                return
            barrier.wait()
            if limit.hit_or_refuse(request):
                allowed.append(1)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=one_request) for _ in range(REQUESTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    return len(allowed)


# SQLite in memory (the default test database) locks whole tables between the threads'
# connections and reports "database table is locked" at once, where a file database waits:
# the database counter's race runs on PostgreSQL (.ci/run runs both).
ON_SQLITE = pytest.mark.skipif(
    connection.vendor == "sqlite", reason="threads need PostgreSQL's row locks"
)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("counter", [pytest.param(DatabaseCounter, marks=ON_SQLITE), CacheCounter])
def test_requests_that_all_pass_the_check_at_once_are_let_through_at_most_the_limit(counter):
    limit = RateLimit("test", LIMIT, 600)
    limit.counter = counter()

    assert allowed_when_all_check_first(limit) == LIMIT


@pytest.mark.django_db
def test_a_refused_request_counts_nothing():
    limit = RateLimit("test", 1, 600)
    assert limit.hit_or_refuse(request_from())

    assert not limit.hit_or_refuse(request_from())
    assert not limit.hit_or_refuse(request_from())

    assert list(RateLimitCounter.objects.values_list("count", flat=True)) == [1]


@pytest.mark.django_db
def test_the_database_counter_starts_a_new_window_when_the_last_has_ended(monkeypatch):
    limit = RateLimit("test", 2, 600)
    limit.counter = DatabaseCounter()
    for _ in range(2):
        assert limit.hit_or_refuse(request_from())
    assert not limit.hit_or_refuse(request_from())

    later = timezone.now() + datetime.timedelta(seconds=601)
    monkeypatch.setattr(ratelimit.timezone, "now", lambda: later)

    assert not limit.exceeded(request_from())
    assert limit.hit_or_refuse(request_from())
    assert RateLimitCounter.objects.get().count == 1


@pytest.mark.django_db
def test_counting_a_request_does_not_empty_the_public_page_cache(
    django_capture_on_commit_callbacks,
):
    from config.cache import content_generation

    before = content_generation()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        RateLimit("test", 5, 600).hit_or_refuse(request_from())

    assert callbacks == []
    assert content_generation() == before


@pytest.mark.parametrize(
    ("backend", "counter"),
    [
        ("django.core.cache.backends.locmem.LocMemCache", DatabaseCounter),
        ("django.core.cache.backends.dummy.DummyCache", DatabaseCounter),
        ("django.core.cache.backends.db.DatabaseCache", DatabaseCounter),
        ("django.core.cache.backends.redis.RedisCache", CacheCounter),
        ("django.core.cache.backends.memcached.PyMemcacheCache", CacheCounter),
    ],
)
def test_the_count_is_kept_where_every_worker_process_sees_it(
    settings, monkeypatch, backend, counter
):
    monkeypatch.setitem(settings.CACHES["default"], "BACKEND", backend)

    assert isinstance(RateLimit("test", 5, 600).counter, counter)


@pytest.mark.django_db
def test_the_daily_purge_deletes_the_counts_of_ended_windows(monkeypatch):
    from followup import services

    RateLimit("test", 5, 600).hit_or_refuse(request_from("192.0.2.1"))
    RateLimit("test", 5, 60).hit_or_refuse(request_from("192.0.2.2"))

    result = services.feedback_purge(now=timezone.now() + datetime.timedelta(seconds=120))

    assert result["rate_limit_counters"] == 1
    assert RateLimitCounter.objects.count() == 1
