"""Editors preview a draft promise at its public address; nobody else sees it."""

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from promises.models import Membership, Promise

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(make_promise, make_locality):
    return make_promise(locality=make_locality("Mölndal"), title="Utkast", state="draft")


def test_anonymous_gets_404_for_a_draft(client, draft):
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_editor_of_another_locality_gets_404_for_a_draft(client, draft, make_editor, make_locality):
    client.force_login(make_editor(make_locality("Sydväst")))

    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("role", list(Membership.Role))
def test_editors_of_the_locality_preview_the_draft(client, draft, make_editor, role):
    client.force_login(make_editor(draft.locality, role=role))

    response = client.get(draft.get_absolute_url())

    assert response.status_code == 200
    assert response.context["promise"] == draft
    assert "Utkast</strong>" in response.content.decode()  # told it is a preview
    assert "no-store" in response["Cache-Control"]  # and no cache keeps it


def test_visible_to_is_published_plus_own_drafts(draft, make_promise, make_editor, make_user):
    published = make_promise()
    editor = make_editor(draft.locality)

    assert set(Promise.objects.visible_to(make_user())) == {published}
    assert set(Promise.objects.visible_to(editor)) == {published, draft}


def test_a_published_promise_has_no_draft_banner(client, make_promise):
    response = client.get(make_promise().get_absolute_url())

    assert "draft-notice" not in response.content.decode()


# With two-factor login required, a preview asks what the admin asks (issue 11, point 13)


@pytest.fixture
def two_factor(settings):
    settings.ADMIN_REQUIRE_2FA = True


def _pass_second_factor(client, user):
    """The session of a user who logged in with their authenticator app (django-otp)."""
    device = TOTPDevice.objects.create(user=user, name="app")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def test_with_2fa_an_editor_who_skipped_the_second_factor_gets_404_for_a_draft(
    client, draft, make_editor, two_factor
):
    client.force_login(make_editor(draft.locality))

    response = client.get(draft.get_absolute_url())

    assert response.status_code == 404
    assert "Utkast" not in response.content.decode()


def test_with_2fa_an_editor_past_the_second_factor_previews_the_draft(
    client, draft, make_editor, two_factor
):
    editor = make_editor(draft.locality)
    client.force_login(editor)
    _pass_second_factor(client, editor)

    response = client.get(draft.get_absolute_url())

    assert response.status_code == 200
    assert response.context["promise"] == draft


def test_a_member_whose_staff_access_was_taken_away_gets_404_for_a_draft(
    client, draft, make_editor
):
    member = make_editor(draft.locality)
    member.is_staff = False
    member.save()
    client.force_login(member)

    assert client.get(draft.get_absolute_url()).status_code == 404
