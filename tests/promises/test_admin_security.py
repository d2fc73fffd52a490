"""Attacks on the admin, each performed as it was reported (issue 11, points 1, 3, 4, 6, 8
and 11): history versions that saved, the "view on site" shortcut, inline deletes past the
delete page's rule, staff access after the last membership, verdict rows of another
promise, and malformed addresses that gave server errors."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from followup.models import CommitmentVerdict, Notification, Subscription, Update, Verdict
from followup.services import update_post
from promises.models import Commitment, Membership, Promise
from promises.permissions import membership_grant, membership_revoke
from tests.promises.admin_forms import post_data

pytestmark = pytest.mark.django_db

Role = Membership.Role
ENDED = {"starts_on": datetime.date(2023, 1, 1), "ends_on": datetime.date(2024, 12, 31)}


@pytest.fixture
def place(make_locality, make_promise, make_commitment, make_editor):
    """Mölndal and Sydväst, a published promise with a commitment in each, their editors."""
    molndal, sydvast = make_locality("Mölndal"), make_locality("Sydväst")
    ns = type("Place", (), {})()
    ns.molndal, ns.sydvast = molndal, sydvast
    ns.promise = make_promise(locality=molndal, title="Trygg i Mölndal")
    ns.commitment = make_commitment(promise=ns.promise, text="Polisen patrullerar vid bron.")
    ns.other_promise = make_promise(locality=sydvast, title="Trygg i Sydväst")
    ns.polis = make_editor(molndal, username="molndal.polis")
    ns.samordnare = make_editor(molndal, role=Role.SAMORDNARE, username="molndal.samordnare")
    return ns


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def version_url(obj, version=None):
    version = version or obj.history.earliest("history_date")
    meta = obj._meta
    return reverse(
        f"admin:{meta.app_label}_{meta.model_name}_simple_history",
        args=[obj.pk, version.history_id],
    )


# --- 1. History version pages are read-only ---------------------------------------------


def test_kommunpolis_cannot_rewrite_and_publish_a_samordnares_note_through_its_history(place):
    note = update_post(
        promise=place.promise,
        commitment=place.commitment,
        text="Samordnarens utkast.",
        author=place.samordnare,
        author_role="BRÅ-samordnare",
    )
    Subscription.objects.create(
        email="boende@example.org", promise=place.promise, confirmed_at=timezone.now()
    )
    client = logged_in(place.polis)
    assert client.get(version_url(note)).status_code == 200  # reading stays allowed

    response = client.post(
        version_url(note),
        {
            "date": "2026-06-01",
            "title": "Omskriven",
            "text": "Polisen skrev om samordnarens notering.",
            "published": "on",
            "author_role": "BRÅ-samordnare",
            "author_organisation": "Mölndals stad",
        },
    )

    assert response.status_code == 405
    note.refresh_from_db()
    assert (note.text, note.published, note.title) == ("Samordnarens utkast.", False, "")
    assert not Notification.objects.exists()


def test_a_history_version_cannot_reset_a_reported_commitment_status(place):
    commitment = place.commitment
    first = commitment.history.earliest("history_date")
    update_post(
        promise=place.promise,
        commitment=commitment,
        new_status=Commitment.Status.IN_PROGRESS,
        text="Patrullerna har börjat.",
        published=True,
    )
    client = logged_in(place.polis)

    response = client.post(
        version_url(commitment, first),
        {"promise": place.promise.pk, "order": 0, "text": commitment.text},
    )

    assert response.status_code == 405
    commitment.refresh_from_db()
    assert commitment.status == Commitment.Status.IN_PROGRESS


def test_kommunpolis_who_is_samordnare_elsewhere_cannot_move_a_promise_through_history(place):
    membership_grant(user=place.polis, locality=place.sydvast, role=Role.SAMORDNARE)
    promise = place.other_promise
    client = logged_in(place.polis)
    data = {
        "locality": place.molndal.pk,
        "title": "Flyttat",
        "slug": promise.slug,
        "state": "published",
        "commitments-TOTAL_FORMS": "0",
        "commitments-INITIAL_FORMS": "0",
        "goals-TOTAL_FORMS": "0",
        "goals-INITIAL_FORMS": "0",
    }

    response = client.post(version_url(promise), data)

    assert response.status_code == 405
    promise.refresh_from_db()
    assert (promise.locality, promise.title) == (place.sydvast, "Trygg i Sydväst")


def test_history_versions_are_read_only_for_administrators_too(place, make_user):
    admin_user = make_user(is_staff=True, is_superuser=True)
    client = logged_in(admin_user)
    promise = place.promise

    response = client.post(
        version_url(promise), {"locality": place.molndal.pk, "title": "Ändrad", "slug": "x"}
    )

    assert response.status_code == 405
    promise.refresh_from_db()
    assert promise.title == "Trygg i Mölndal"
    assert client.get(version_url(promise)).status_code == 200


# --- 3. "View on site" (/admin/r/<content type>/<id>/) ----------------------------------


def view_on_site(obj, pk=None):
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("admin:view_on_site", args=[content_type.pk, pk or obj.pk])


def test_view_on_site_of_another_localitys_drafts_answers_like_a_missing_id(place, make_commitment):
    draft = Promise.objects.create(
        locality=place.sydvast, title="Utkast i Sydväst", slug="utkast", state="draft"
    )
    commitment = make_commitment(promise=draft, text="Hemligt åtagande")
    note = Update.objects.create(promise=place.other_promise, text="Opublicerad notering")
    client = logged_in(place.polis)

    for obj in (draft, commitment, note):
        answer = client.get(view_on_site(obj))
        missing = client.get(view_on_site(obj, pk=987654321))
        assert answer.status_code == missing.status_code == 404, obj
        assert "Location" not in answer


def test_view_on_site_still_leads_an_editor_to_own_localitys_pages(place):
    client = logged_in(place.polis)

    response = client.get(view_on_site(place.commitment))

    assert response.status_code == 302
    assert response["Location"].endswith(place.commitment.get_absolute_url())


# --- 4. Deleting commitments: the delete page and the promise form's inline --------------


def delete_inline_row(client, promise, index=0):
    change = reverse("admin:promises_promise_change", args=[promise.pk])
    data = post_data(client.get(change))
    data[f"commitments-{index}-DELETE"] = "on"
    return client.post(change, data)


def test_kommunpolis_cannot_delete_a_commitment_and_its_note_through_the_promise_form(place):
    note = update_post(
        promise=place.promise,
        commitment=place.commitment,
        text="Samordnarens publicerade notering.",
        author=place.samordnare,
        published=True,
    )
    client = logged_in(place.polis)
    change = reverse("admin:promises_promise_change", args=[place.promise.pk])
    assert "commitments-0-DELETE" not in client.get(change).content.decode()

    delete_inline_row(client, place.promise)

    assert Commitment.objects.filter(pk=place.commitment.pk).exists()
    assert Update.objects.filter(pk=note.pk).exists()


def test_a_commitment_of_a_once_published_promise_is_not_deleted_anywhere(place):
    promise = place.promise
    promise.state = Promise.State.DRAFT
    promise.save()  # back to draft, but it was published: residents have seen it
    client = logged_in(place.polis)
    delete = reverse("admin:promises_commitment_delete", args=[place.commitment.pk])

    assert client.get(delete).status_code == 403
    assert client.post(delete, {"post": "yes"}).status_code == 403
    delete_inline_row(client, promise)
    client.post(
        reverse("admin:promises_commitment_changelist"),
        {"action": "delete_selected", "_selected_action": [place.commitment.pk], "post": "yes"},
    )

    assert Commitment.objects.filter(pk=place.commitment.pk).exists()


def test_a_draft_only_promises_commitment_may_be_deleted_from_the_promise_form(
    place, make_promise, make_commitment
):
    draft = make_promise(locality=place.molndal, state=Promise.State.DRAFT)
    commitment = make_commitment(promise=draft)
    client = logged_in(place.polis)

    response = delete_inline_row(client, draft)

    assert response.status_code == 302
    assert not Commitment.objects.filter(pk=commitment.pk).exists()


def test_an_inline_delete_that_would_take_a_verdict_along_is_refused_as_on_the_delete_page(
    place, make_promise, make_commitment
):
    draft = make_promise(locality=place.molndal, state=Promise.State.DRAFT)
    commitment = make_commitment(promise=draft)
    verdict = Verdict.objects.create(promise=draft, summary="Sammanfattning")
    CommitmentVerdict.objects.create(
        verdict=verdict, commitment=commitment, outcome="done", reason="Klart."
    )
    client = logged_in(place.polis)
    page = client.get(reverse("admin:promises_commitment_delete", args=[commitment.pk]))
    assert page.context["perms_lacking"]  # the delete page refuses it

    response = delete_inline_row(client, draft)

    assert response.status_code == 200
    assert "kan inte tas bort här" in response.content.decode()
    assert Commitment.objects.filter(pk=commitment.pk).exists()
    assert CommitmentVerdict.objects.filter(commitment=commitment).exists()


# --- 6. Staff access ends with the last membership ---------------------------------------


def can_open_admin(user):
    user.refresh_from_db()
    return logged_in(user).get(reverse("admin:index")).status_code == 200


def test_revoking_the_last_membership_takes_the_admin_away(place):
    membership_grant(user=place.polis, locality=place.sydvast, role=Role.KOMMUNPOLIS)
    membership_revoke(user=place.polis, locality=place.molndal)
    assert can_open_admin(place.polis)  # still kommunpolis in Sydväst

    membership_revoke(user=place.polis, locality=place.sydvast)

    place.polis.refresh_from_db()
    assert not place.polis.is_staff
    assert not can_open_admin(place.polis)


@pytest.fixture
def administrator(make_user):
    return make_user(is_staff=True, is_superuser=True)


def test_deleting_the_last_membership_in_the_admin_takes_the_admin_away(place, administrator):
    membership = Membership.objects.get(user=place.polis)
    client = logged_in(administrator)

    client.post(reverse("admin:promises_membership_delete", args=[membership.pk]), {"post": "yes"})
    client.post(
        reverse("admin:promises_membership_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [Membership.objects.get(user=place.samordnare).pk],
            "post": "yes",
        },
    )

    assert not can_open_admin(place.polis)
    assert not can_open_admin(place.samordnare)


def test_deleting_the_last_membership_on_the_user_page_takes_the_admin_away(place, administrator):
    client = logged_in(administrator)
    change = reverse("admin:auth_user_change", args=[place.polis.pk])
    data = post_data(client.get(change))
    data["memberships-0-DELETE"] = "on"

    assert client.post(change, data).status_code == 302

    assert not Membership.objects.filter(user=place.polis).exists()
    assert not can_open_admin(place.polis)


def test_moving_a_membership_to_another_user_takes_the_admin_from_the_first(
    place, administrator, make_user
):
    successor = make_user(username="ny.polis")
    membership = Membership.objects.get(user=place.polis)
    client = logged_in(administrator)
    change = reverse("admin:promises_membership_change", args=[membership.pk])

    response = client.post(
        change, {"user": successor.pk, "locality": place.molndal.pk, "role": Role.KOMMUNPOLIS}
    )

    assert response.status_code == 302
    assert not can_open_admin(place.polis)
    assert can_open_admin(successor)


def test_an_administrator_without_memberships_keeps_the_admin(place, administrator):
    membership_grant(user=administrator, locality=place.molndal, role=Role.KOMMUNPOLIS)

    membership_revoke(user=administrator, locality=place.molndal)

    assert can_open_admin(administrator)


# --- 8. A verdict's rows judge only its own promise's commitments ------------------------


def test_a_verdict_row_cannot_point_at_a_draft_commitment_of_another_promise(
    place, make_promise, make_commitment
):
    ended = make_promise(locality=place.molndal, title="Avslutat löfte", **ENDED)
    own = make_commitment(promise=ended, text="Eget åtagande")
    draft = make_promise(locality=place.molndal, state=Promise.State.DRAFT, **ENDED)
    foreign = make_commitment(promise=draft, text="Utkastets åtagande")
    client = logged_in(place.samordnare)
    data = {
        "promise": ended.pk,
        "summary": "Löftet hölls till stor del.",
        "decided_on": "2025-02-01",
        "commitment_verdicts-TOTAL_FORMS": "2",
        "commitment_verdicts-INITIAL_FORMS": "0",
        "commitment_verdicts-0-commitment": own.pk,
        "commitment_verdicts-0-outcome": "done",
        "commitment_verdicts-0-reason": "Genomfört.",
        "commitment_verdicts-1-commitment": foreign.pk,
        "commitment_verdicts-1-outcome": "done",
        "commitment_verdicts-1-reason": "Genomfört.",
    }

    response = client.post(reverse("admin:followup_verdict_add"), data)

    assert response.status_code == 200
    assert "Åtagandet hör inte till det här löftet." in response.content.decode()
    assert not Verdict.objects.exists()
    assert not CommitmentVerdict.objects.exists()


def test_a_commitment_verdict_cannot_be_moved_to_another_promises_commitment(
    place, make_promise, make_commitment
):
    ended = make_promise(locality=place.molndal, title="Avslutat löfte", **ENDED)
    own = make_commitment(promise=ended)
    foreign = make_commitment(promise=place.promise)
    verdict = Verdict.objects.create(promise=ended, summary="Sammanfattning")
    row = CommitmentVerdict.objects.create(
        verdict=verdict, commitment=own, outcome="done", reason="Klart."
    )
    client = logged_in(place.samordnare)
    change = reverse("admin:followup_commitmentverdict_change", args=[row.pk])

    response = client.post(
        change,
        {"verdict": verdict.pk, "commitment": foreign.pk, "outcome": "done", "reason": "Klart."},
    )

    assert response.status_code == 200
    row.refresh_from_db()
    assert row.commitment == own


# --- 11. Malformed admin addresses answer 4xx, never 500 ---------------------------------

BAD_ADDRESSES = [
    "/admin/promises/promise/abc/history/",
    "/admin/followup/update/x/history/",
    "/admin/promises/commitment/1%00/history/",
    "/admin/promises/promise/{pk}/history/abc/",
    "/admin/promises/promise/{pk}/history/99999999999999999999/",
    "/admin/promises/commitment/add/?promise=abc",
    "/admin/promises/commitment/add/?promise=99999999999999999999",
    "/admin/promises/promise/add/?locality=%00",
    "/admin/promises/promise/add/?themes=1,x",
    "/admin/promises/promise/?created_at__year=0",
    "/admin/r/{ct}/abc/",
    "/admin/r/{ct}/1%00/",
    "/admin/r/99999999999999999999/1/",
    "/admin/promises/promise/99999999999999999999/change/",
    "/admin/promises/promise/add/?title=%00",
]
# Odd but harmless: an answer (an empty list, say), never a server error.
ODD_ADDRESSES = [
    "/admin/promises/promise/?q=%00",
    "/admin/promises/promise/?state=%00",
    "/admin/promises/promise/?id=99999999999999999999",
    "/admin/followup/update/?date__year=0",
    "/admin/promises/promise/?starts_on__year=0&starts_on__month=13",
]


@pytest.mark.parametrize("who", ["administrator", "kommunpolis"])
@pytest.mark.parametrize("address", BAD_ADDRESSES)
def test_a_malformed_admin_address_answers_4xx_not_a_server_error(place, make_user, who, address):
    user = make_user(is_staff=True, is_superuser=True) if who == "administrator" else place.polis
    client = Client(raise_request_exception=False)
    client.force_login(user)
    content_type = ContentType.objects.get_for_model(Promise)

    response = client.get(address.format(pk=place.promise.pk, ct=content_type.pk))

    assert response.status_code in (400, 404)


@pytest.mark.parametrize("address", ODD_ADDRESSES)
def test_an_odd_admin_filter_never_gives_a_server_error(place, address):
    client = Client(raise_request_exception=False)
    client.force_login(place.polis)

    assert client.get(address).status_code < 500


def test_a_bad_prefilled_value_says_which_field_is_wrong(place):
    response = logged_in(place.polis).get("/admin/promises/commitment/add/?promise=abc")

    assert response.status_code == 400
    assert "Adressen innehåller ett ogiltigt värde för ”Löfte”." in response.content.decode()


def test_a_good_prefilled_value_still_fills_the_form(place):
    response = logged_in(place.polis).get(
        f"/admin/promises/commitment/add/?promise={place.promise.pk}"
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.initial["promise"] == str(place.promise.pk)


def test_a_filter_the_database_cannot_use_is_a_bad_request(place):
    response = logged_in(place.polis).get("/admin/promises/promise/?created_at__year=0")

    assert response.status_code == 400
    assert "Adressen innehåller ett filter som inte kan användas" in response.content.decode()
