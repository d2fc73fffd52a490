"""History: a row per tracked change, who made it, and the public "ändrat" note."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from followup.models import Indicator, Measurement, Update
from promises.history import commitment_text_changes
from promises.models import Commitment, Goal, Promise
from tests.promises.admin_forms import post_data

pytestmark = pytest.mark.django_db


def _make(model, promise):
    if model is Promise:
        return promise
    if model is Commitment:
        return Commitment.objects.create(promise=promise, text="Åtagande")
    if model is Goal:
        return Goal.objects.create(promise=promise, text="Mål")
    if model is Update:
        return Update.objects.create(promise=promise, text="Notering")
    indicator = Indicator.objects.create(promise=promise, name="Patruller", slug="patruller")
    if model is Indicator:
        return indicator
    return Measurement.objects.create(indicator=indicator, period_text="2025", value=10)


EDITS = {
    Promise: ("title", "Nytt namn"),
    Commitment: ("text", "Nytt åtagande"),
    Goal: ("text", "Nytt mål"),
    Update: ("text", "Ny notering"),
    Indicator: ("name", "Nya patruller"),
    Measurement: ("value", 12),
}


@pytest.mark.parametrize("model", list(EDITS), ids=lambda m: m.__name__)
def test_a_history_row_is_written_for_each_tracked_change(model, make_promise):
    obj = _make(model, make_promise())
    before = obj.history.count()
    field, value = EDITS[model]

    setattr(obj, field, value)
    obj.save()

    records = obj.history.order_by("-history_date", "-history_id")
    assert records.count() == before + 1
    assert records.first().history_type == "~"
    assert getattr(records.first(), field) == value


def test_admin_history_shows_who_changed_a_commitment(client, make_commitment, make_editor):
    commitment = make_commitment(text="Polisen patrullerar.")
    polis = make_editor(commitment.promise.locality, username="kim.polis")
    client.force_login(polis)
    change = reverse("admin:promises_commitment_change", args=[commitment.pk])
    data = post_data(client.get(change))
    data["text"] = "Polisen patrullerar varje kväll."
    assert client.post(change, data).status_code == 302

    response = client.get(reverse("admin:promises_commitment_history", args=[commitment.pk]))

    assert commitment.history.latest().history_user == polis
    body = response.content.decode()
    assert "kim.polis" in body
    assert "Ändrat av" in body  # in Swedish, though django-simple-history has no Swedish


def _publish_a_day_ago(promise):
    Promise.history.filter(id=promise.pk).update(
        history_date=timezone.now() - datetime.timedelta(days=1)
    )


def test_public_page_shows_an_andrat_note_after_a_published_commitment_is_edited(
    client, make_promise, make_commitment
):
    promise = make_promise(title="Trygg i Mölndal")
    commitment = make_commitment(promise=promise, text="Polisen patrullerar på bron.")
    _publish_a_day_ago(promise)
    Commitment.history.filter(id=commitment.pk).update(
        history_date=timezone.now() - datetime.timedelta(days=1)
    )

    commitment.text = "Polisen patrullerar på bron varje kväll."
    commitment.save()
    body = client.get(promise.get_absolute_url()).content.decode()

    assert "ändrat" in body
    assert "Polisen patrullerar på bron.</q>" in body
    assert "Polisen patrullerar på bron varje kväll." in body


def test_edits_before_publication_leave_no_note(make_promise, make_commitment):
    promise = make_promise(state="draft")
    commitment = make_commitment(promise=promise, text="Första lydelsen")
    commitment.text = "Andra lydelsen"
    commitment.save()

    assert commitment_text_changes(promise) == {}


def test_andrat_notes_cost_the_same_queries_however_many_commitments(
    client, make_promise, make_commitment
):
    def page_queries(count):
        promise = make_promise()
        for n in range(count):
            commitment = make_commitment(promise=promise, text=f"Lydelse {n}")
            _publish_a_day_ago(promise)
            commitment.text = f"Ny lydelse {n}"
            commitment.save()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(promise.get_absolute_url()).status_code == 200
        return len(queries)

    assert page_queries(2) == page_queries(6)


def test_a_status_change_records_its_author_in_the_history(make_commitment, make_user):
    from followup.services import update_post

    commitment = make_commitment()
    author = make_user(username="sam.samordnare")

    update_post(
        promise=commitment.promise,
        commitment=commitment,
        new_status=Commitment.Status.DONE,
        text="Klart.",
        author=author,
        published=True,
    )

    latest = commitment.history.latest()
    assert (latest.status, latest.history_user) == (Commitment.Status.DONE, author)
    assert Update.history.latest().history_user == author


def _dated(obj, days_ago):
    """Date `obj`'s latest history record `days_ago` days back."""
    latest = type(obj).history.filter(id=obj.pk).latest()
    type(obj).history.filter(history_id=latest.history_id).update(
        history_date=timezone.now() - datetime.timedelta(days=days_ago)
    )


def _unpublish_edit_twice_republish(promise, commitment):
    _dated(promise, 5)
    _dated(commitment, 5)
    promise.state = Promise.State.DRAFT
    promise.save()
    _dated(promise, 4)
    commitment.text = "Utkast som aldrig publicerades."
    commitment.save()
    _dated(commitment, 3)
    commitment.text = "Polisen patrullerar på bron varje kväll."
    commitment.save()
    _dated(commitment, 2)
    promise.state = Promise.State.PUBLISHED
    promise.save()
    _dated(promise, 1)


def test_a_wording_written_and_replaced_in_draft_is_never_shown_as_earlier(
    client, make_promise, make_commitment
):
    promise = make_promise(title="Trygg i Mölndal")
    commitment = make_commitment(promise=promise, text="Polisen patrullerar på bron.")
    _unpublish_edit_twice_republish(promise, commitment)

    body = client.get(promise.get_absolute_url()).content.decode()

    assert "Utkast som aldrig publicerades." not in body
    assert "Polisen patrullerar på bron.</q>" in body
    assert "Polisen patrullerar på bron varje kväll." in body
    [change] = commitment_text_changes(promise)[commitment.pk]
    assert change.earlier_text == "Polisen patrullerar på bron."
    # Dated when the new wording became public: at the republication, a day ago.
    assert change.changed_at.date() == (timezone.now() - datetime.timedelta(days=1)).date()


def test_a_wording_edited_back_in_draft_leaves_no_note(make_promise, make_commitment):
    promise = make_promise()
    commitment = make_commitment(promise=promise, text="Lydelse A")
    _dated(promise, 5)
    _dated(commitment, 5)
    promise.state = Promise.State.DRAFT
    promise.save()
    commitment.text = "Lydelse B"
    commitment.save()
    commitment.text = "Lydelse A"
    commitment.save()
    promise.state = Promise.State.PUBLISHED
    promise.save()

    assert commitment_text_changes(promise) == {}


def test_every_public_wording_is_listed_oldest_first(make_promise, make_commitment):
    promise = make_promise()
    commitment = make_commitment(promise=promise, text="Första")
    _dated(promise, 5)
    _dated(commitment, 5)
    commitment.text = "Andra"
    commitment.save()
    _dated(commitment, 3)
    commitment.text = "Tredje"
    commitment.save()

    changes = commitment_text_changes(promise)[commitment.pk]

    assert [c.earlier_text for c in changes] == ["Första", "Andra"]
