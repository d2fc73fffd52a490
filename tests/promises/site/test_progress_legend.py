"""Lists explain the progress bar in one line and show each promise's latest status report."""

import datetime

import pytest
from django.urls import reverse

from promises.models import Commitment, Promise

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(make_promise, make_commitment, make_update):
    promise = make_promise(title="Trygg stad", state=Promise.State.PUBLISHED)
    commitment = make_commitment(promise=promise)
    make_update(
        promise=promise,
        commitment=commitment,
        new_status=Commitment.Status.IN_PROGRESS,
        date=datetime.date(2026, 3, 2),
    )
    make_update(promise=promise, date=datetime.date(2026, 5, 1))  # no status: not counted
    make_update(
        promise=promise,
        commitment=commitment,
        new_status=Commitment.Status.DONE,
        date=datetime.date(2026, 4, 9),
        published=False,
    )
    return promise


@pytest.mark.parametrize("page", ["home", "list", "locality"])
def test_each_list_of_cards_has_the_legend_and_the_latest_status_report(client, reported, page):
    if page == "locality":
        url = reported.locality.get_absolute_url()
    else:
        url = reverse(f"promises:{page}")
    content = client.get(url).content.decode()
    assert content.count('class="progress-legend"') == 1
    assert "pågår (räknas till hälften)" in content
    assert 'Senaste lägesrapport: <time datetime="2026-03-02">' in content
