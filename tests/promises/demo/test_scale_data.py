"""generate_scale_data writes realistic synthetic data in bulk, beside the demo data."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from followup.models import Indicator, Measurement, Update
from promises.demo.scale import generate_scale_data
from promises.models import Commitment, Locality, Promise

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 21)


def test_each_locality_gets_promises_over_the_years_with_5_to_15_commitments():
    counts = generate_scale_data(3, today=TODAY)

    assert counts["localities"] == 3
    assert Locality.objects.filter(slug__startswith="skala-").count() == 3
    for locality in Locality.objects.filter(slug__startswith="skala-"):
        promises = list(Promise.objects.filter(locality=locality).order_by("starts_on"))
        assert [p.starts_on.year for p in promises] == [2017, 2019, 2021, 2023, 2025]
        assert promises[-1].phase(TODAY) == Promise.Phase.ACTIVE
        for promise in promises:
            commitments = Commitment.objects.filter(promise=promise)
            assert 5 <= commitments.count() <= 15
            assert all(c.parties.exists() and c.themes.exists() for c in commitments)
            assert promise.parties.count() == 2 and promise.themes.count() == 3


def test_indicators_are_measured_monthly_and_the_promise_in_force_has_a_note_a_week():
    generate_scale_data(1, today=TODAY)
    current = Promise.objects.get(locality__slug__startswith="skala-", starts_on__year=2025)

    indicator = Indicator.objects.filter(promise=current).first()
    months = list(
        Measurement.objects.filter(indicator=indicator).values_list("measured_on", flat=True)
    )
    assert len(months) == 23  # January 2025 to November 2026
    assert all(day.day == 1 for day in months)
    values = list(Measurement.objects.filter(indicator=indicator).values_list("value", flat=True))
    assert all(isinstance(value, Decimal) and 0 < value < 200 for value in values)
    plain = Update.objects.filter(promise=current, new_status="")
    notes = sorted(plain.values_list("date", flat=True))
    assert len(notes) == 98  # 8 January 2025 to 18 November 2026
    gaps = {later - earlier for earlier, later in zip(notes, notes[1:], strict=False)}
    assert gaps == {datetime.timedelta(days=7)}
    # No status without the published note that sets it.
    for commitment in Commitment.objects.filter(promise=current):
        note = Update.objects.status_setting().filter(commitment=commitment).first()
        assert commitment.status == (note.new_status if note else "unreported")


def test_it_does_not_clash_with_the_demo_data_and_can_run_twice(demo_data):
    demo_localities = set(Locality.objects.values_list("slug", flat=True))

    out = io.StringIO()
    call_command("generate_scale_data", "--localities", "2", stdout=out)
    call_command("generate_scale_data", "--localities", "2", stdout=out)

    new = set(Locality.objects.values_list("slug", flat=True)) - demo_localities
    assert new == {"skala-00001", "skala-00002", "skala-00003", "skala-00004"}
    assert "Created 2 localities, 10 promises" in out.getvalue()


def test_the_public_pages_cost_the_same_queries_with_more_data(client, demo_data):
    urls = ["/", "/molndal/", "/sodra-fyrbodal/medborgarlofte-2023-2024/"]

    def queries():
        counts = []
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            counts.append(len(captured))
        return counts

    before = queries()
    generate_scale_data(4, today=TODAY)
    assert queries() == before
