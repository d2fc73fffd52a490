"""The public status of a commitment comes only from published notes (issue 12, point 1).

A draft note's status is a proposal; it takes effect when the note is published and is
withdrawn with it. The public status is the one set by the published status note with the
latest (date, publication time)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from followup.models import Update
from followup.services import update_delete, update_post, update_publish, update_unpublish
from promises.models import Commitment, Membership
from tests.factories import VerdictFactory
from tests.promises.admin_forms import post_data

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def promise(make_promise, make_locality):
    return make_promise(
        locality=make_locality("Sydväst"),
        title="Tryggare utemiljö",
        slug="tryggare-utemiljo",
        starts_on=TODAY - datetime.timedelta(days=100),
        ends_on=TODAY + datetime.timedelta(days=100),
    )


@pytest.fixture
def commitment(promise, make_commitment):
    return make_commitment(promise=promise, text="Kommunen rustar belysningen.")


def note_admin_data(client, commitment, text, status, url=None):
    data = post_data(client.get(url or reverse("admin:followup_update_add")))
    data.update(promise=str(commitment.promise.pk), commitment=str(commitment.pk), text=text)
    if url is None:
        data.update(new_status=status, date=TODAY.isoformat())
    data.pop("published", None)
    return data


def _page(client, promise):
    return client.get(promise.get_absolute_url()).content.decode()


def test_a_new_commitment_starts_as_not_reported(commitment):
    assert Commitment.objects.get(pk=commitment.pk).status == Commitment.Status.UNREPORTED


def test_a_new_commitment_with_a_status_but_no_note_is_refused(promise):
    with pytest.raises(ValidationError):
        Commitment.objects.create(promise=promise, text="x", status=Commitment.Status.DONE)

    assert not Commitment.objects.filter(text="x").exists()


def test_a_draft_note_with_a_status_leaves_the_public_page_unchanged(client, commitment, promise):
    update_post(
        promise=promise, commitment=commitment, text="Belysningen är klar.", new_status="done"
    )

    commitment.refresh_from_db()
    assert commitment.status == Commitment.Status.UNREPORTED
    page = _page(client, promise)
    assert "status-done" not in page
    api = client.get(f"/api/v1/promises/{promise.pk}/").json()
    assert api["progress"]["done"] == 0


def test_publishing_the_draft_note_makes_its_status_public(client, commitment, promise):
    note = update_post(
        promise=promise, commitment=commitment, text="Belysningen är klar.", new_status="done"
    )

    update_publish(note)

    commitment.refresh_from_db()
    assert commitment.status == Commitment.Status.DONE
    assert "status-done" in _page(client, promise)


def test_unpublishing_a_note_restores_the_earlier_public_status(commitment, promise):
    update_post(
        promise=promise,
        commitment=commitment,
        text="Arbetet har börjat.",
        new_status="in_progress",
        published=True,
        date=TODAY - datetime.timedelta(days=10),
    )
    done = update_post(
        promise=promise, commitment=commitment, text="Klart.", new_status="done", published=True
    )
    assert Commitment.objects.get(pk=commitment.pk).status == Commitment.Status.DONE

    update_unpublish(done)

    assert Commitment.objects.get(pk=commitment.pk).status == Commitment.Status.IN_PROGRESS
    update_delete(Update.objects.get(text="Arbetet har börjat."))
    assert Commitment.objects.get(pk=commitment.pk).status == Commitment.Status.UNREPORTED


def test_the_latest_dated_published_note_sets_the_status_not_the_last_published(
    commitment, promise
):
    update_post(
        promise=promise, commitment=commitment, text="Klart.", new_status="done", published=True
    )
    update_post(
        promise=promise,
        commitment=commitment,
        text="En äldre rapport, publicerad sent.",
        new_status="in_progress",
        published=True,
        date=TODAY - datetime.timedelta(days=30),
    )

    assert Commitment.objects.get(pk=commitment.pk).status == Commitment.Status.DONE


def test_on_the_same_day_the_note_published_last_sets_the_status(commitment, promise):
    first = update_post(promise=promise, commitment=commitment, text="A.", new_status="done")
    second = update_post(promise=promise, commitment=commitment, text="B.", new_status="delayed")

    update_publish(second)
    update_publish(first)

    assert Commitment.objects.get(pk=commitment.pk).status == Commitment.Status.DONE


@pytest.fixture
def ended(make_promise, make_commitment):
    promise = make_promise(
        starts_on=TODAY - datetime.timedelta(days=400), ends_on=TODAY - datetime.timedelta(days=30)
    )
    return make_commitment(promise=promise)


@pytest.mark.parametrize("status", ["in_progress", "delayed"])
def test_after_the_end_a_late_report_may_not_say_in_progress_or_delayed(ended, status):
    with translation.override("sv"), pytest.raises(ValidationError) as caught:
        update_post(promise=ended.promise, commitment=ended, text="Sen rapport.", new_status=status)

    assert "period har tagit slut" in " ".join(caught.value.message_dict["new_status"])
    assert Commitment.objects.get(pk=ended.pk).status == Commitment.Status.UNREPORTED


@pytest.mark.parametrize("status", ["done", "cancelled"])
def test_after_the_end_a_late_report_may_say_done_or_cancelled(ended, status):
    update_post(
        promise=ended.promise,
        commitment=ended,
        text="Sen rapport.",
        new_status=status,
        published=True,
    )

    assert Commitment.objects.get(pk=ended.pk).status == status


def test_a_draft_in_progress_written_before_the_end_cannot_be_published_after_it(ended):
    note = Update.objects.create(
        promise=ended.promise, commitment=ended, text="Pågår.", new_status="in_progress"
    )

    with pytest.raises(ValidationError):
        update_publish(note)

    assert not Update.objects.get(pk=note.pk).published
    assert Commitment.objects.get(pk=ended.pk).status == Commitment.Status.UNREPORTED


def test_the_verdict_closes_the_statuses(ended):
    VerdictFactory(promise=ended.promise)

    with translation.override("sv"), pytest.raises(ValidationError) as caught:
        update_post(promise=ended.promise, commitment=ended, text="Klart.", new_status="done")

    assert "slutomdöme" in " ".join(caught.value.message_dict["new_status"])


# --- The admin ---------------------------------------------------------------------------


@pytest.fixture
def samordnare(promise, make_editor):
    return make_editor(promise.locality, role=Membership.Role.SAMORDNARE)


def test_admin_draft_note_shows_its_pending_change_and_leaves_the_status(
    client, commitment, samordnare
):
    client.force_login(samordnare)
    data = note_admin_data(client, commitment, "Genomfört: belysningen är klar.", "done")

    response = client.post(reverse("admin:followup_update_add"), data)

    assert response.status_code == 302
    assert Commitment.objects.get(pk=commitment.pk).status == Commitment.Status.UNREPORTED
    note = Update.objects.get()
    with translation.override("sv"):
        change = client.get(reverse("admin:followup_update_change", args=[note.pk]))
    assert "Väntar: statusen blir" in change.content.decode()


def test_admin_publishing_and_unpublishing_go_through_the_services(client, commitment, samordnare):
    note = update_post(
        promise=commitment.promise, commitment=commitment, text="Klart.", new_status="done"
    )
    client.force_login(samordnare)
    url = reverse("admin:followup_update_change", args=[note.pk])
    data = note_admin_data(client, commitment, "Klart.", "done", url=url)

    data["published"] = "on"
    assert client.post(url, data).status_code == 302
    assert Commitment.objects.get(pk=commitment.pk).status == Commitment.Status.DONE
    assert Update.objects.get(pk=note.pk).published_at is not None

    del data["published"]
    assert client.post(url, data).status_code == 302
    assert Commitment.objects.get(pk=commitment.pk).status == Commitment.Status.UNREPORTED


def test_admin_deleting_a_published_note_withdraws_its_status(client, commitment, make_user):
    note = update_post(
        promise=commitment.promise,
        commitment=commitment,
        text="Klart.",
        new_status="done",
        published=True,
    )
    client.force_login(make_user(is_staff=True, is_superuser=True))

    response = client.post(reverse("admin:followup_update_delete", args=[note.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert Commitment.objects.get(pk=commitment.pk).status == Commitment.Status.UNREPORTED


def test_admin_refuses_in_swedish_to_publish_in_progress_after_the_end(client, ended, make_editor):
    note = Update.objects.create(
        promise=ended.promise, commitment=ended, text="Pågår.", new_status="in_progress"
    )
    client.force_login(make_editor(ended.promise.locality, role=Membership.Role.SAMORDNARE))
    url = reverse("admin:followup_update_change", args=[note.pk])
    data = note_admin_data(client, ended, "Pågår.", "in_progress", url=url)
    data["published"] = "on"

    with translation.override("sv"):
        response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="sv")

    assert response.status_code == 200
    assert "period har tagit slut" in response.content.decode()
    assert not Update.objects.get(pk=note.pk).published
    assert Commitment.objects.get(pk=ended.pk).status == Commitment.Status.UNREPORTED


# --- The data migration ------------------------------------------------------------------


def test_migration_sets_statuses_without_a_published_note_to_not_reported(promise, make_commitment):
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "followup.migrations.0010_public_status_from_published_notes"
    )
    bare, drafted, reported = (make_commitment(promise=promise) for _ in range(3))
    Update.objects.create(promise=promise, commitment=drafted, text="Utkast.", new_status="done")
    Update.objects.create(
        promise=promise,
        commitment=reported,
        text="Pågår.",
        new_status="in_progress",
        published=True,
    )
    # As the old code and demo data left them: statuses no published note set.
    Commitment.objects.filter(pk=bare.pk).update(status="not_started")
    Commitment.objects.filter(pk=drafted.pk).update(status="done")
    Commitment.objects.filter(pk=reported.pk).update(status="done")

    migration.forwards(apps, None)

    assert dict(Commitment.objects.values_list("pk", "status")) == {
        bare.pk: "unreported",
        drafted.pk: "unreported",
        reported.pk: "in_progress",
    }
    assert Update.objects.get(text="Pågår.").published_at is not None
