"""Follow-up notes and the status changes they explain."""

import pytest
from django.core.exceptions import ValidationError

from followup.markdown import render_markdown
from followup.models import Update
from followup.services import update_post

pytestmark = pytest.mark.django_db


def test_a_note_with_a_status_changes_the_commitment_and_records_both_statuses(make_commitment):
    commitment = make_commitment(status="not_started")

    update = update_post(
        promise=commitment.promise,
        commitment=commitment,
        text="Första mötet hölls.",
        new_status="in_progress",
    )

    commitment.refresh_from_db()
    assert commitment.status == "in_progress"
    assert (update.old_status, update.new_status) == ("not_started", "in_progress")


def test_a_status_change_without_a_note_is_refused(make_commitment):
    commitment = make_commitment(status="not_started")

    with pytest.raises(ValidationError):
        update_post(promise=commitment.promise, commitment=commitment, text=" ", new_status="done")

    commitment.refresh_from_db()
    assert commitment.status == "not_started"
    assert not Update.objects.exists()


def test_a_commitment_of_another_promise_is_refused(make_commitment, make_promise):
    commitment = make_commitment()

    with pytest.raises(ValidationError):
        update_post(promise=make_promise(), commitment=commitment, text="x", new_status="done")


def test_markdown_is_rendered_and_scripts_are_removed():
    html = render_markdown("**Klart** <script>alert(1)</script> [x](javascript:alert(1))")

    assert "<strong>Klart</strong>" in html
    assert "<script" not in html
    assert "javascript:" not in html
