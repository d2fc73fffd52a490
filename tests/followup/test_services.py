"""Follow-up notes and the status changes they explain."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from followup.markdown import render_markdown
from followup.models import Update
from followup.services import update_post
from promises.models import Membership

pytestmark = pytest.mark.django_db


def test_a_note_with_a_status_changes_the_commitment_and_records_both_statuses(make_commitment):
    commitment = make_commitment(status="not_started")

    update = update_post(
        promise=commitment.promise,
        commitment=commitment,
        text="Första mötet hölls.",
        new_status="in_progress",
        published=True,
    )

    commitment.refresh_from_db()
    assert commitment.status == "in_progress"
    assert (update.old_status, update.new_status) == ("not_started", "in_progress")


def test_a_status_change_without_a_note_is_refused(make_commitment):
    commitment = make_commitment(status="not_started")
    notes = Update.objects.count()  # the one that set "not started"

    with pytest.raises(ValidationError):
        update_post(promise=commitment.promise, commitment=commitment, text=" ", new_status="done")

    commitment.refresh_from_db()
    assert commitment.status == "not_started"
    assert Update.objects.count() == notes


@pytest.mark.parametrize(
    "reason", ["<!-- -->", "\u200b", "&nbsp;", "** **\n\n---", "\u2060\ufeff&#8203;"]
)
def test_a_status_change_whose_reason_shows_nothing_is_refused_in_swedish(make_commitment, reason):
    commitment = make_commitment(status="in_progress")
    notes = Update.objects.count()

    with translation.override("sv"), pytest.raises(ValidationError) as caught:
        update_post(
            promise=commitment.promise,
            commitment=commitment,
            text=reason,
            new_status="cancelled",
            published=True,
        )

    assert "skriv varför statusen ändras" in " ".join(caught.value.message_dict["text"])
    commitment.refresh_from_db()
    assert commitment.status == "in_progress"
    assert Update.objects.count() == notes


def test_a_commitment_of_another_promise_is_refused(make_commitment, make_promise):
    commitment = make_commitment()

    with pytest.raises(ValidationError):
        update_post(promise=make_promise(), commitment=commitment, text="x", new_status="done")


def test_markdown_is_rendered_and_scripts_are_removed():
    html = render_markdown("**Klart** <script>alert(1)</script> [x](javascript:alert(1))")

    assert "<strong>Klart</strong>" in html
    assert "<script" not in html
    assert "javascript:" not in html


def test_note_by_an_editor_is_signed_with_their_role_not_their_username(make_promise, make_editor):
    promise = make_promise()
    editor = make_editor(promise.locality, role=Membership.Role.KOMMUNPOLIS, username="kalle.k")

    update = update_post(
        promise=promise, text="Uppföljning.", author=editor, author_organisation="Polisen"
    )

    assert update.byline == "Kommunpolis, Polisen"
    assert "kalle.k" not in update.byline


def test_note_without_role_or_organisation_is_signed_by_the_local_team(make_promise):
    update = update_post(promise=make_promise(), text="Uppföljning.")

    with translation.override("sv"):
        assert update.byline == "Det lokala trygghetsarbetet"
