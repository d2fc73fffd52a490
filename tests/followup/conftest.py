"""Fixtures for follow-up tests: the residents' forms (a valid POST, a clean cache for the
rate limit), notes, indicators and measurements."""

import datetime
import time
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from followup.forms import shown_at_token
from tests import factories


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language_afterwards():
    """A request to /en/ leaves English active in this thread; later tests expect Swedish."""
    yield
    translation.deactivate()


def url(language, name, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def feedback_post(make_promise):
    """`feedback_post(**changes)` -> form data for a promise, shown a minute ago."""
    promise = make_promise()

    def make(**changes):
        data = {
            "locality": promise.locality_id,
            "promise": promise.pk,
            "message": "Det är mörkt vid busshållplatsen på kvällarna.",
            "place": "Mölndals bro",
            "name": "",
            "email": "",
            "website": "",
            "shown_at": shown_at_token(time.time() - 60),
        }
        data.update(changes)
        return {k: v for k, v in data.items() if v is not None}

    make.promise = promise
    return make


# --- follow-up notes, indicators and measurements ---


@pytest.fixture
def make_update(db):
    def make(promise=None, text="Uppföljning.", published=True, **kwargs):
        if promise is not None:
            kwargs["promise"] = promise
        return factories.UpdateFactory(text=text, published=published, **kwargs)

    return make


@pytest.fixture
def make_indicator(db):
    def make(promise=None, values=(), **kwargs):
        if promise is not None:
            kwargs["promise"] = promise
        indicator = factories.IndicatorFactory(**kwargs)
        for i, value in enumerate(values):
            factories.MeasurementFactory(
                indicator=indicator,
                measured_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=30 * i),
                value=Decimal(str(value)),
            )
        return indicator

    return make
