"""The outbox: a published note is queued once per subscriber and sent exactly once."""

import io
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from followup import services
from followup.models import Notification, Subscription, Update
from tests.followup.backends import Crash


def subscribe(email, *, promise=None, locality=None, language="sv", confirmed=True):
    return Subscription.objects.create(
        email=email,
        promise=promise,
        locality=locality,
        language=language,
        confirmed_at=timezone.now() if confirmed else None,
    )


def publish_note(promise, **kwargs):
    return services.update_post(
        promise=promise, text="Vi har haft tre möten.", published=True, **kwargs
    )


@pytest.mark.django_db
def test_publishing_a_note_queues_one_notification_per_confirmed_address(make_promise):
    promise = make_promise()
    subscribe("promise@example.se", promise=promise)
    subscribe("area@example.se", locality=promise.locality)
    subscribe("both@example.se", promise=promise)
    subscribe("both@example.se", locality=promise.locality)
    subscribe("pending@example.se", promise=promise, confirmed=False)
    gone = subscribe("gone@example.se", promise=promise)
    Subscription.objects.filter(pk=gone.pk).update(unsubscribed_at=timezone.now())
    subscribe("other@example.se", promise=make_promise())

    update = publish_note(promise)

    queued = Notification.objects.filter(update=update)
    assert sorted(queued.values_list("subscription__email", flat=True)) == [
        "area@example.se",
        "both@example.se",
        "promise@example.se",
    ]
    assert queued.get(subscription__email="both@example.se").subscription.promise == promise


@pytest.mark.django_db
def test_a_draft_note_queues_nothing_until_it_is_published_once(make_promise):
    promise = make_promise()
    subscribe("a@example.se", promise=promise)
    update = services.update_post(promise=promise, text="Utkast.")
    assert not Notification.objects.exists()

    assert services.update_publish(update) == 1
    assert services.update_publish(update) == 0
    assert services.notifications_enqueue_for(update) == 0
    assert Notification.objects.count() == 1
    assert Update.objects.get(pk=update.pk).published


@pytest.mark.django_db
def test_send_notifications_sends_each_once_in_the_subscribers_language(make_promise):
    promise = make_promise(title="Trygg i Mölndal")
    subscribe("sv@example.se", promise=promise, language="sv")
    subscribe("en@example.se", promise=promise, language="en")
    update = publish_note(promise, title="Nya lampor vid bron")

    call_command("send_notifications", stdout=io.StringIO())
    call_command("send_notifications", stdout=io.StringIO())

    assert sorted(m.to[0] for m in mail.outbox) == ["en@example.se", "sv@example.se"]
    by_address = {m.to[0]: m for m in mail.outbox}
    assert by_address["sv@example.se"].subject == "Ny uppföljning: Trygg i Mölndal"
    assert by_address["en@example.se"].subject == "New follow-up: Trygg i Mölndal"
    english = by_address["en@example.se"]
    assert "Nya lampor vid bron" in english.body
    assert f"/en/{promise.locality.slug}/{promise.slug}/#update-{update.pk}" in english.body
    assert english.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/en/subscribe/unsubscribe/" in english.extra_headers["List-Unsubscribe"]
    assert "/en/subscribe/unsubscribe/" in english.body
    assert Notification.objects.filter(sent_at__isnull=True).count() == 0


@pytest.mark.django_db
def test_an_address_that_unsubscribed_before_the_run_gets_nothing(make_promise):
    promise = make_promise()
    subscription = subscribe("a@example.se", promise=promise)
    publish_note(promise)
    services.subscription_unsubscribe(subscription)

    services.notifications_send()

    assert mail.outbox == []


@pytest.mark.django_db
def test_a_failed_send_is_retried_by_the_next_run(make_promise, settings, caplog):
    promise = make_promise()
    subscribe("a@example.se", promise=promise)
    publish_note(promise)
    settings.EMAIL_BACKEND = "tests.followup.backends.FailingBackend"

    assert services.notifications_send() == {"sent": 0, "failed": 1}
    notification = Notification.objects.get()
    assert (notification.attempts, notification.claimed_at, notification.sent_at) == (1, None, None)
    assert notification.last_error == "ConnectionRefusedError"
    assert "a@example.se" not in caplog.text

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert services.notifications_send() == {"sent": 1, "failed": 0}
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_notification_is_given_up_after_five_failed_attempts(make_promise, settings):
    promise = make_promise()
    subscribe("a@example.se", promise=promise)
    publish_note(promise)
    settings.EMAIL_BACKEND = "tests.followup.backends.FailingBackend"

    for _ in range(7):
        services.notifications_send()

    assert Notification.objects.get().attempts == services.MAX_SEND_ATTEMPTS


@pytest.mark.django_db
def test_a_crash_after_part_of_a_batch_resumes_without_sending_anything_twice(
    make_promise, settings
):
    promise = make_promise()
    for n in range(6):
        subscribe(f"reader{n}@example.se", promise=promise)
    publish_note(promise)
    settings.EMAIL_BACKEND = "tests.followup.backends.CrashAfterBackend"

    # The process dies just after the third e-mail left, before it was marked sent.
    with pytest.raises(Crash):
        services.notifications_send()
    assert len(mail.outbox) == 3

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    services.notifications_send()
    services.notifications_send()

    recipients = [m.to[0] for m in mail.outbox]
    assert sorted(recipients) == [f"reader{n}@example.se" for n in range(6)]  # each once
    in_doubt = Notification.objects.get(sent_at__isnull=True)
    assert in_doubt.claimed_at is not None  # left claimed: at most once, never twice


@pytest.mark.django_db
def test_crashed_claims_are_reported_and_can_be_released_by_hand(make_promise):
    promise = make_promise()
    subscribe("a@example.se", promise=promise)
    publish_note(promise)
    Notification.objects.update(claimed_at=timezone.now() - timezone.timedelta(hours=2))
    err = io.StringIO()

    call_command("send_notifications", stdout=io.StringIO(), stderr=err)
    assert mail.outbox == []
    assert "not resent" in err.getvalue()

    call_command("send_notifications", "--release-stale", stdout=io.StringIO())
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_runs_on_postgresql_send_each_message_once(make_promise, settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite has no row locks (FOR UPDATE SKIP LOCKED)")
    promise = make_promise()
    for n in range(30):
        subscribe(f"reader{n}@example.se", promise=promise)
    publish_note(promise)
    settings.EMAIL_BACKEND = "tests.followup.backends.SlowBackend"
    start = threading.Barrier(2)
    results, errors = [], []

    def run():
        from django.db import connection as thread_connection

        try:
            start.wait()
            results.append(services.notifications_send())
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted(f"reader{n}@example.se" for n in range(30))
    assert sum(r["sent"] for r in results) == 30
    assert Notification.objects.filter(sent_at__isnull=True).count() == 0


@pytest.mark.django_db
def test_an_unreachable_mail_server_pauses_the_run_without_using_up_attempts(
    make_promise, settings
):
    promise = make_promise()
    for n in range(3):
        subscribe(f"reader{n}@example.se", promise=promise)
    publish_note(promise)
    settings.EMAIL_BACKEND = "tests.followup.backends.UnreachableBackend"

    for _ in range(10):
        services.notifications_send()

    assert list(Notification.objects.values_list("attempts", "claimed_at")) == [(0, None)] * 3
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert services.notifications_send() == {"sent": 3, "failed": 0}


@pytest.mark.django_db
def test_a_run_with_nothing_to_send_opens_no_mail_connection(settings):
    settings.EMAIL_BACKEND = "tests.followup.backends.UnreachableBackend"

    assert services.notifications_send() == {"sent": 0, "failed": 0}


def test_publishing_a_draft_note_in_the_admin_queues_it_once(rf, make_promise, admin_user):
    from django.contrib import admin

    promise = make_promise()
    Subscription.objects.create(email="a@example.se", promise=promise, confirmed_at=timezone.now())
    note = Update.objects.create(promise=promise, text="Utkast.", published=False)
    request = rf.post("/")
    request.user = admin_user
    model_admin = admin.site._registry[Update]

    note.published = True
    model_admin.save_model(request, note, None, True)
    model_admin.save_model(request, note, None, True)

    assert Notification.objects.filter(update=note).count() == 1
