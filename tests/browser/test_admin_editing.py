"""The admin in a real browser: a kommunpolis edits a commitment, a samordnare changes a
status with a note, and both show on the public promise page."""

from django.contrib.auth import get_user_model

from promises.models import Commitment, Locality, Membership, Promise
from promises.permissions import membership_grant

PASSWORD = "medborgarlofte-demo"


def _editor(username, slug, role):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    membership_grant(user=user, locality=Locality.objects.get(slug=slug), role=role)
    return user


def _log_in(page, username):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def test_kommunpolis_edits_a_commitment_and_the_public_page_shows_it(page, live_demo):
    _editor("molndal.polis", "molndal", Membership.Role.KOMMUNPOLIS)
    promise = Promise.objects.filter(locality__slug="molndal").first()
    _log_in(page, "molndal.polis")

    page.goto(f"/admin/promises/promise/{promise.pk}/change/")
    page.fill("#id_commitments-0-text", "Polisen och kommunen går trygghetsvandringar varje vår.")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/promises/promise/")

    assert page.locator(".messagelist .success").count() == 1
    page.goto(promise.get_absolute_url())
    assert page.get_by_text("Polisen och kommunen går trygghetsvandringar varje vår.").count() == 1
    assert page.console_errors == []


def test_samordnare_changes_a_status_with_a_note_that_shows_on_the_promise_page(page, live_demo):
    _editor("sydvast.samordnare", "sydvast", Membership.Role.SAMORDNARE)
    promise = Promise.objects.filter(locality__slug="sydvast").first()
    commitment = promise.commitments.first()
    _log_in(page, "sydvast.samordnare")

    page.goto(f"/admin/followup/update/add/?promise={promise.pk}&commitment={commitment.pk}")
    # Sydväst's promise has ended: a late report may say done, never in progress.
    page.select_option("#id_new_status", Commitment.Status.DONE)
    page.fill("#id_title", "Arbetet har börjat")
    page.fill("#id_text", "Första trygghetsvandringen gick i oktober med 40 deltagare.")
    page.check("#id_published")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/followup/update/")

    commitment.refresh_from_db()
    assert commitment.status == Commitment.Status.DONE
    page.goto(promise.get_absolute_url())
    assert (
        page.get_by_text("Första trygghetsvandringen gick i oktober med 40 deltagare.").count() == 1
    )
    assert page.console_errors == []
