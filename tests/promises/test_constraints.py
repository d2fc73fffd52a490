"""The database itself refuses rows that break the domain's rules, on SQLite and PostgreSQL."""

import datetime
from decimal import Decimal

import pytest
from django.db import DataError, IntegrityError, connection, transaction

from followup.models import Feedback, Indicator, Measurement, Subscription, Update
from promises.models import Membership, Promise
from situation.models import Place, Survey

pytestmark = pytest.mark.django_db


def test_a_promise_cannot_end_before_it_starts(make_promise):
    with pytest.raises(IntegrityError):
        make_promise(starts_on=datetime.date(2024, 1, 1), ends_on=datetime.date(2023, 12, 31))


def test_a_promise_may_have_no_dates_when_the_source_gives_none(make_promise):
    promise = make_promise(starts_on=None, ends_on=None, period_text="under ett år")

    assert promise.phase() == Promise.Phase.UNDATED


def test_promise_slugs_are_unique_within_a_locality(make_locality, make_promise):
    molndal = make_locality("Mölndal")
    make_promise(locality=molndal, title="Tryggare", slug="tryggare")
    make_promise(locality=make_locality("Sydväst"), slug="tryggare")  # another locality is fine

    with pytest.raises(IntegrityError):
        make_promise(locality=molndal, slug="tryggare")


def test_a_user_has_one_membership_per_locality(make_locality, make_editor):
    molndal = make_locality("Mölndal")
    user = make_editor(molndal)

    with pytest.raises(IntegrityError):
        Membership.objects.create(user=user, locality=molndal, role=Membership.Role.SAMORDNARE)


def test_a_locality_with_promises_cannot_be_deleted(make_promise):
    promise = make_promise()

    with pytest.raises(IntegrityError), transaction.atomic():
        promise.locality.delete()


def _indicator(promise):
    return Indicator.objects.create(promise=promise, name="Patruller", slug="patruller")


def test_a_measurement_value_outside_the_range_is_refused(make_promise):
    indicator = _indicator(make_promise())

    with pytest.raises(IntegrityError):
        Measurement.objects.create(
            indicator=indicator, measured_on=datetime.date(2025, 1, 1), value=Decimal(10**12 + 1)
        )


def test_a_measurement_value_that_is_not_a_number_is_refused(make_promise):
    indicator = _indicator(make_promise())
    table = Measurement._meta.db_table

    with (
        pytest.raises((IntegrityError, DataError)),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(
            f'INSERT INTO {table} (indicator_id, measured_on, period_text, value, qualifier, "group", source) '
            "VALUES (%s, %s, '', 'många', '', '', '')",
            [indicator.pk, datetime.date(2025, 1, 1)],
        )


def test_a_measurement_needs_a_date_or_a_period_in_words(make_promise):
    indicator = _indicator(make_promise())

    with pytest.raises(IntegrityError):
        Measurement.objects.create(indicator=indicator, value=Decimal("2.8"))


def test_coordinates_must_be_on_the_globe(make_locality):
    with pytest.raises(IntegrityError):
        Place.objects.create(
            locality=make_locality(), name="Torget", slug="torget", latitude=91, longitude=12
        )


def test_a_status_change_needs_a_commitment(make_promise):
    with pytest.raises(IntegrityError):
        Update.objects.create(promise=make_promise(), text="Klart", new_status="done")


def test_a_subscription_has_exactly_one_target(make_promise):
    promise = make_promise()

    with pytest.raises(IntegrityError):
        Subscription.objects.create(
            email="a@example.se", promise=promise, locality=promise.locality
        )


def test_handled_feedback_has_a_date(make_locality):
    with pytest.raises(IntegrityError):
        Feedback.objects.create(locality=make_locality(), message="Det är mörkt", handled=True)


def test_a_survey_cannot_be_its_own_baseline(make_locality):
    survey = Survey.objects.create(locality=make_locality(), title="Nollmätning", slug="noll")
    survey.baseline = survey

    with pytest.raises(IntegrityError):
        survey.save()
