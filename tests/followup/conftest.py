"""Fixtures for follow-up tests: the residents' forms (a valid POST, a clean cache for the
rate limit), notes, indicators and measurements."""

import time

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from followup.forms import shown_at_token


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
