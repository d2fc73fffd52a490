"""No status badge without its reason (issue 12, point 2): next to each reported status,
the promise page shows the date of, and a link to, the published note that set it."""

import datetime
import re

import pytest
from django.utils import timezone, translation

from followup.models import Update
from followup.services import update_post, update_publish

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def commitment(make_promise, make_commitment):
    promise = make_promise(
        starts_on=TODAY - datetime.timedelta(days=100), ends_on=TODAY + datetime.timedelta(days=100)
    )
    return make_commitment(promise=promise, text="Polisen patrullerar vid torget.")


def _item(client, commitment):
    with translation.override("sv"):
        page = client.get(commitment.promise.get_absolute_url()).content.decode()
    item = re.search(
        rf'<li class="commitment" id="commitment-{commitment.pk}">.*?</li>', page, re.S
    )
    return page, item.group(0)


def test_a_reported_status_links_to_the_dated_note_that_set_it(client, commitment):
    note = update_post(
        promise=commitment.promise,
        commitment=commitment,
        text="Patrullerna har börjat.",
        new_status="in_progress",
        date=datetime.date(2026, 3, 12),
        published=True,
    )

    page, item = _item(client, commitment)

    assert "Pågår" in item
    assert f'href="#update-{note.pk}">rapporterat 12 mars 2026</a>' in item
    assert f'id="update-{note.pk}"' in page  # the link leads to the note in the timeline


def test_the_reason_is_the_latest_published_note_not_a_later_draft(client, commitment):
    published = update_post(
        promise=commitment.promise,
        commitment=commitment,
        text="Patrullerna har börjat.",
        new_status="in_progress",
        date=TODAY - datetime.timedelta(days=5),
        published=True,
    )
    draft = update_post(
        promise=commitment.promise, commitment=commitment, text="Klart.", new_status="done"
    )

    _page, item = _item(client, commitment)

    assert f"#update-{published.pk}" in item
    assert f"#update-{draft.pk}" not in item
    assert "status-done" not in item
    update_publish(draft)
    _page, item = _item(client, commitment)
    assert f"#update-{draft.pk}" in item and "status-done" in item


def test_an_undated_note_is_named_as_such_next_to_the_status(client, commitment):
    note = Update.objects.create(
        promise=commitment.promise,
        commitment=commitment,
        text="Klart.",
        new_status="done",
        date=None,
    )
    update_publish(note)

    _page, item = _item(client, commitment)

    assert f'href="#update-{note.pk}">rapporterat, datum ej angivet</a>' in item


def test_a_commitment_nobody_reported_on_says_so_without_a_reason_link(client, commitment):
    _page, item = _item(client, commitment)

    assert "Ingen uppgift" in item
    assert "status-reason" not in item
