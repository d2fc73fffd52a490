"""A commitment's status changes only with a follow-up note that says why."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from followup.models import Update
from followup.services import update_post
from promises.models import Commitment, Membership
from tests.promises.admin_forms import post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment(make_commitment):
    return make_commitment(text="Polisen patrullerar.", status=Commitment.Status.NOT_STARTED)


def test_model_refuses_to_save_a_status_change_without_a_note(commitment):
    commitment = Commitment.objects.get(pk=commitment.pk)
    commitment.status = Commitment.Status.DONE

    with pytest.raises(ValidationError):
        commitment.save()

    assert Commitment.objects.get(pk=commitment.pk).status == Commitment.Status.NOT_STARTED


def test_model_validation_names_the_status_field(commitment):
    commitment = Commitment.objects.get(pk=commitment.pk)
    commitment.status = Commitment.Status.DONE

    with pytest.raises(ValidationError) as caught:
        commitment.full_clean()

    assert "status" in caught.value.message_dict


def test_set_status_refuses_an_empty_note(commitment):
    with pytest.raises(ValidationError):
        commitment.set_status(Commitment.Status.DONE, note="   ")


def test_update_post_changes_the_status_with_its_note(commitment):
    update = update_post(
        promise=commitment.promise,
        commitment=commitment,
        new_status=Commitment.Status.IN_PROGRESS,
        text="Patrullerna har börjat.",
        published=True,
    )

    assert Commitment.objects.get(pk=commitment.pk).status == Commitment.Status.IN_PROGRESS
    assert (update.old_status, update.new_status) == ("not_started", "in_progress")


def test_other_fields_save_without_a_note(commitment):
    commitment = Commitment.objects.get(pk=commitment.pk)
    commitment.text = "Polisen patrullerar oftare."

    commitment.save()

    assert Commitment.objects.get(pk=commitment.pk).text == "Polisen patrullerar oftare."


@pytest.fixture
def samordnare(commitment, make_editor):
    return make_editor(commitment.promise.locality, role=Membership.Role.SAMORDNARE)


def _note_data(client, commitment, text):
    data = post_data(client.get(reverse("admin:followup_update_add")))
    data.update(
        promise=str(commitment.promise.pk),
        commitment=str(commitment.pk),
        new_status=Commitment.Status.DONE,
        text=text,
        date=timezone.localdate().isoformat(),
    )
    return data


def test_admin_refuses_a_status_change_without_a_note(client, commitment, samordnare):
    client.force_login(samordnare)

    response = client.post(
        reverse("admin:followup_update_add"), _note_data(client, commitment, "   ")
    )

    assert response.status_code == 200
    assert "text" in response.context["adminform"].form.errors
    assert Commitment.objects.get(pk=commitment.pk).status == Commitment.Status.NOT_STARTED
    assert Update.objects.count() == 1  # only the note that set "not started"


@pytest.mark.parametrize("reason", ["<!-- -->", "\u200b", "&nbsp;"])
def test_admin_refuses_a_status_change_whose_note_shows_nothing(
    client, commitment, samordnare, reason
):
    client.force_login(samordnare)

    response = client.post(
        reverse("admin:followup_update_add"), _note_data(client, commitment, reason)
    )

    assert response.status_code == 200
    assert "text" in response.context["adminform"].form.errors
    assert Commitment.objects.get(pk=commitment.pk).status == Commitment.Status.NOT_STARTED
    assert Update.objects.count() == 1  # only the note that set "not started"


def test_admin_refuses_to_empty_the_reason_of_a_recorded_status_change(
    client, commitment, samordnare
):
    update = update_post(
        promise=commitment.promise,
        commitment=commitment,
        new_status=Commitment.Status.CANCELLED,
        text="Avbrutet: lokalen revs.",
    )
    client.force_login(samordnare)
    change = reverse("admin:followup_update_change", args=[update.pk])
    data = post_data(client.get(change))
    data["text"] = "<!-- -->"

    response = client.post(change, data)

    assert response.status_code == 200
    assert "text" in response.context["adminform"].form.errors
    assert Update.objects.get(pk=update.pk).text == "Avbrutet: lokalen revs."


def test_admin_changes_the_status_with_a_note(client, commitment, samordnare):
    client.force_login(samordnare)

    data = _note_data(client, commitment, "Klart: kameran är uppsatt.")
    data["published"] = "on"

    response = client.post(reverse("admin:followup_update_add"), data)

    assert response.status_code == 302
    assert Commitment.objects.get(pk=commitment.pk).status == Commitment.Status.DONE
    update = Update.objects.latest("pk")
    assert (update.old_status, update.new_status, update.author) == (
        "not_started",
        "done",
        samordnare,
    )


def test_admin_refuses_a_commitment_of_another_promise(
    client, commitment, samordnare, make_promise, make_commitment
):
    stranger = make_commitment(promise=make_promise(locality=commitment.promise.locality))
    client.force_login(samordnare)
    data = _note_data(client, commitment, "Klart.")
    data["commitment"] = str(stranger.pk)

    response = client.post(reverse("admin:followup_update_add"), data)

    assert response.status_code == 200
    assert "commitment" in response.context["adminform"].form.errors


def test_commitment_form_ignores_a_posted_status(client, commitment, make_editor):
    polis = make_editor(commitment.promise.locality)
    client.force_login(polis)
    change = reverse("admin:promises_commitment_change", args=[commitment.pk])
    data = post_data(client.get(change))
    data["status"] = Commitment.Status.DONE

    assert client.post(change, data).status_code == 302
    assert Commitment.objects.get(pk=commitment.pk).status == Commitment.Status.NOT_STARTED
