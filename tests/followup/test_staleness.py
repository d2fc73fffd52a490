"""Staleness: a promise in force without a published note for STALE_AFTER_DAYS is flagged."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from followup.models import Verdict
from followup.selectors import (
    days_without_followup,
    promises_stale,
    promises_with_last_followup,
)
from promises.models import Promise

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days_ago(n):
    return TODAY - datetime.timedelta(days=n)


@pytest.fixture
def in_force(make_promise):
    def make(**kwargs):
        kwargs.setdefault("starts_on", days_ago(400))
        kwargs.setdefault("ends_on", TODAY + datetime.timedelta(days=300))
        return make_promise(**kwargs)

    return make


def test_promise_with_a_recent_published_note_is_not_stale(in_force, make_update):
    promise = in_force()
    make_update(promise=promise, date=days_ago(10))

    assert days_without_followup(promise) is None
    assert not promises_stale().exists()


def test_promise_whose_last_published_note_is_old_is_stale(in_force, make_update):
    promise = in_force()
    make_update(promise=promise, date=days_ago(120))
    make_update(promise=promise, date=days_ago(5), published=False)  # a draft does not count

    assert days_without_followup(promise) == 120
    assert list(promises_stale()) == [promise]


def test_promise_without_notes_counts_from_its_start(in_force):
    assert days_without_followup(in_force(starts_on=days_ago(91))) == 91
    assert days_without_followup(in_force(starts_on=days_ago(90))) is None


def test_undated_promise_counts_from_the_day_it_was_entered(make_promise):
    promise = make_promise(starts_on=None, ends_on=None)

    assert days_without_followup(promise) is None  # entered today
    Promise.objects.filter(pk=promise.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=100)
    )
    assert days_without_followup(promise) == 100


@pytest.mark.parametrize(
    "kwargs",
    [
        {"starts_on": days_ago(800), "ends_on": days_ago(400)},  # ended
        {"starts_on": TODAY + datetime.timedelta(days=10), "ends_on": None},  # upcoming
        {"state": Promise.State.DRAFT},
    ],
)
def test_ended_upcoming_or_draft_promises_are_never_stale(in_force, kwargs):
    promise = in_force(**kwargs)

    assert days_without_followup(promise) is None
    assert not promises_stale().exists()


def test_promise_with_a_verdict_is_never_stale(in_force):
    promise = in_force(starts_on=None, ends_on=None)
    Promise.objects.filter(pk=promise.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=300)
    )
    Verdict.objects.create(promise=promise, summary="Klart.")

    assert days_without_followup(Promise.objects.get(pk=promise.pk)) is None
    assert not promises_stale().exists()


def test_the_interval_comes_from_the_setting(settings, in_force, make_update):
    promise = in_force()
    make_update(promise=promise, date=days_ago(40))

    settings.STALE_AFTER_DAYS = 30
    assert days_without_followup(promise) == 40
    assert list(promises_stale()) == [promise]


def test_annotated_promises_need_no_extra_query(in_force, make_update, django_assert_num_queries):
    make_update(promise=in_force(), date=days_ago(200))
    promise = promises_with_last_followup().select_related("verdict").get()

    with django_assert_num_queries(0):
        assert days_without_followup(promise) == 200


def test_marker_says_how_many_days(in_force):
    promise = in_force(starts_on=days_ago(120))

    html = render_to_string("followup/includes/_staleness.html", {"promise": promise})

    assert "120" in html and 'class="staleness"' in html


def test_marker_is_empty_when_followed_up(in_force, make_update):
    promise = in_force()
    make_update(promise=promise, date=TODAY)

    assert render_to_string("followup/includes/_staleness.html", {"promise": promise}).strip() == ""


class TestDashboard:
    url = reverse("followup:dashboard")

    def test_anonymous_is_sent_to_login(self, client):
        response = client.get(self.url)

        assert response.status_code == 302 and "login" in response["Location"]

    def test_editor_sees_only_own_localitys_promises_stalest_first(
        self, client, make_locality, make_editor, in_force, make_update
    ):
        own, other = make_locality("Mölndal"), make_locality("Sydväst")
        stale = in_force(locality=own, title="Gammal", starts_on=days_ago(300))
        fresh = in_force(locality=own, title="Färsk")
        make_update(promise=fresh, date=days_ago(2))
        in_force(locality=other, title="Annans", starts_on=days_ago(300))
        client.force_login(make_editor(own))

        response = client.get(self.url)

        assert response.status_code == 200
        assert [r["promise"] for r in response.context["rows"]] == [stale, fresh]
        assert [r["promise"] for r in response.context["stale"]] == [stale]
        assert "Annans" not in response.content.decode()

    def test_administrator_sees_every_locality(self, client, make_user, in_force):
        in_force(title="A", starts_on=days_ago(300))
        in_force(title="B", starts_on=days_ago(300))
        client.force_login(make_user(is_staff=True, is_superuser=True))

        response = client.get(self.url)

        assert len(response.context["stale"]) == 2

    def test_staff_without_membership_sees_nothing(self, client, make_user, in_force):
        in_force(title="A", starts_on=days_ago(300))
        client.force_login(make_user(is_staff=True))

        assert client.get(self.url).context["rows"] == []
