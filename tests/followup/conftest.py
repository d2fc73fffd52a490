"""Fixtures for follow-up tests: notes, indicators and measurements."""

import datetime
import itertools
from decimal import Decimal

import pytest

from followup.models import Indicator, Measurement, Update

_counter = itertools.count(1)


@pytest.fixture
def make_update(db, make_promise):
    def make(promise=None, text="Uppföljning.", published=True, **kwargs):
        promise = promise or make_promise()
        kwargs.setdefault("date", datetime.date(2026, 6, 1))
        return Update.objects.create(promise=promise, text=text, published=published, **kwargs)

    return make


@pytest.fixture
def make_indicator(db, make_promise):
    def make(promise=None, values=(), **kwargs):
        promise = promise or make_promise()
        n = next(_counter)
        kwargs.setdefault("name", f"Nyckeltal {n}")
        kwargs.setdefault("slug", f"nyckeltal-{n}")
        indicator = Indicator.objects.create(promise=promise, **kwargs)
        for i, value in enumerate(values):
            Measurement.objects.create(
                indicator=indicator,
                measured_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=30 * i),
                value=Decimal(str(value)),
                source="Polisen",
            )
        return indicator

    return make
