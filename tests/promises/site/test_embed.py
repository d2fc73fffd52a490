"""The embeddable progress card: self-contained, frameable by the configured pages only."""

import re

import pytest
from django.urls import reverse

from promises.models import Commitment, Promise

pytestmark = pytest.mark.django_db


def url_of(promise):
    return reverse("promises:embed", args=[promise.locality.slug, promise.slug])


@pytest.fixture
def promise(make_promise, make_commitment):
    promise = make_promise(title="Trygg i Mölndal")
    for status in ("done", "in_progress", "not_started", "cancelled"):
        make_commitment(promise=promise, status=Commitment.Status(status))
    return promise


def test_card_shows_progress_by_the_one_rule(client, promise):
    html = client.get(url_of(promise)).content.decode()

    assert "Trygg i Mölndal" in html
    assert "50 % uppfyllt hittills" in html  # (1 + ½) of 3, the cancelled one left out
    # Drawn: 30 of 60 units (done 20, in progress 10), the stated half.
    assert 'viewBox="0 0 60 6"' in html
    assert 'class="progress-done" x="0" y="0" width="20"' in html
    assert 'class="progress-doing" x="20" y="0" width="10"' in html


def test_card_may_be_framed_by_the_configured_ancestors_only(client, settings, promise):
    settings.EMBED_FRAME_ANCESTORS = ["https://molndal.se", "https://polisen.se"]

    response = client.get(url_of(promise))

    assert "X-Frame-Options" not in response
    assert (
        "frame-ancestors https://molndal.se https://polisen.se"
        in response["Content-Security-Policy"]
    )


def test_other_pages_still_refuse_framing(client, promise):
    assert client.get("/api/v1/docs/")["X-Frame-Options"] == "DENY"


def test_card_makes_no_third_party_request_and_runs_no_script(client, promise):
    html = client.get(url_of(promise)).content.decode()

    assert "<script" not in html
    assert not re.search(r"\s(on[a-z]+|style)=", html)
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert url.startswith("/"), url


def test_draft_promise_has_no_card(client, make_promise):
    draft = make_promise(state=Promise.State.DRAFT)

    assert client.get(url_of(draft)).status_code == 404


def test_card_is_in_english_under_en(client, promise):
    html = client.get("/en" + url_of(promise)).content.decode()

    assert '<html lang="en">' in html and 'lang="sv"' in html
