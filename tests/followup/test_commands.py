"""The cron commands: purge_feedback and send_reminders."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from followup import services
from followup.models import Feedback, Subscription
from promises.models import Membership

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def feedback(locality, **kwargs):
    kwargs.setdefault("message", "Det är mörkt vid hållplatsen.")
    return Feedback.objects.create(locality=locality, **kwargs)


def test_purge_deletes_feedback_past_the_retention_period(make_locality, settings):
    settings.FEEDBACK_RETENTION_DAYS = 365
    locality = make_locality()
    old = feedback(locality, created_at=days_ago(366))
    kept = feedback(locality, created_at=days_ago(364))

    call_command("purge_feedback", stdout=io.StringIO())

    assert list(Feedback.objects.all()) == [kept]
    assert not Feedback.objects.filter(pk=old.pk).exists()


def test_purge_clears_personal_fields_of_feedback_handled_long_enough_ago(make_locality, settings):
    settings.FEEDBACK_HANDLED_PERSONAL_DATA_DAYS = 30
    locality = make_locality()
    personal = {"name": "Anna", "email": "anna@example.se", "place": "Porten"}
    handled_long_ago = feedback(locality, handled=True, handled_at=days_ago(31), **personal)
    handled_lately = feedback(locality, handled=True, handled_at=days_ago(29), **personal)
    not_handled = feedback(locality, created_at=days_ago(100), **personal)

    result = services.feedback_purge()

    assert result["cleared"] == 1
    handled_long_ago.refresh_from_db()
    assert (handled_long_ago.name, handled_long_ago.email, handled_long_ago.place) == ("", "", "")
    assert handled_long_ago.message  # the message itself stays until the retention period
    for item in (handled_lately, not_handled):
        item.refresh_from_db()
        assert item.email == "anna@example.se"


def test_purge_deletes_unconfirmed_and_ended_subscriptions(make_promise):
    promise = make_promise()
    never = Subscription.objects.create(
        email="a@example.se", promise=promise, created_at=days_ago(8)
    )
    ended = Subscription.objects.create(
        email="b@example.se",
        promise=promise,
        confirmed_at=days_ago(50),
        unsubscribed_at=days_ago(8),
    )
    pending = Subscription.objects.create(email="c@example.se", promise=promise)
    active = Subscription.objects.create(
        email="d@example.se", promise=promise, confirmed_at=days_ago(400), created_at=days_ago(400)
    )

    result = services.feedback_purge()

    assert result["subscriptions"] == 2
    assert set(Subscription.objects.all()) == {pending, active}
    assert not Subscription.objects.filter(pk__in=[never.pk, ended.pk]).exists()


def _samordnare(make_editor, locality, email):
    return make_editor(locality, role=Membership.Role.SAMORDNARE, email=email)


def test_reminders_go_to_the_samordnare_of_localities_with_stale_promises(
    make_locality, make_promise, make_editor, settings
):
    settings.STALE_AFTER_DAYS = 90
    today = timezone.localdate()
    molndal, sydvast = make_locality("Mölndal"), make_locality("Sydväst")
    stale = make_promise(
        locality=molndal, title="Gamla löftet", starts_on=today.replace(year=today.year - 1)
    )
    fresh = make_promise(
        locality=sydvast, title="Färska löftet", starts_on=today.replace(year=today.year - 1)
    )
    services.update_post(promise=fresh, text="Läget nu.", published=True, date=today)
    services.update_post(
        promise=stale, text="Länge sedan.", published=True, date=today - datetime.timedelta(days=91)
    )
    _samordnare(make_editor, molndal, "sam.molndal@example.se")
    _samordnare(make_editor, sydvast, "sam.sydvast@example.se")
    make_editor(molndal, email="kommunpolis@example.se")  # not a samordnare
    _samordnare(make_editor, molndal, "")  # no address

    call_command("send_reminders", stdout=io.StringIO())

    assert [m.to for m in mail.outbox] == [["sam.molndal@example.se"]]
    assert "Gamla löftet" in mail.outbox[0].body
    assert "Färska löftet" not in mail.outbox[0].body
    assert mail.outbox[0].subject == "Påminnelse: löften utan ny uppföljning"


def test_a_promise_that_just_started_or_has_ended_needs_no_reminder(
    make_locality, make_promise, make_editor
):
    today = timezone.localdate()
    locality = make_locality()
    make_promise(locality=locality, starts_on=today - datetime.timedelta(days=10))
    make_promise(
        locality=locality,
        starts_on=today.replace(year=today.year - 3),
        ends_on=today.replace(year=today.year - 1),
    )
    make_promise(locality=locality, state="draft", starts_on=today.replace(year=today.year - 1))
    _samordnare(make_editor, locality, "sam@example.se")

    assert services.reminders_send() == (0, 0)
    assert mail.outbox == []


def test_a_draft_note_does_not_count_as_follow_up(make_locality, make_promise, make_editor):
    today = timezone.localdate()
    locality = make_locality()
    promise = make_promise(locality=locality, starts_on=today.replace(year=today.year - 1))
    services.update_post(promise=promise, text="Utkast.", published=False, date=today)
    _samordnare(make_editor, locality, "sam@example.se")

    assert services.reminders_send() == (1, 0)
