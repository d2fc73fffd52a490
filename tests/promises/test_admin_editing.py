"""Editing in the admin: forms and actions that try to reach another locality are refused."""

import pytest
from django.urls import reverse

from promises.models import Commitment, Contact, Membership, Promise
from situation.models import Place, Problem, SituationPicture
from tests.promises.admin_forms import post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(make_locality, make_promise, make_commitment, make_editor):
    class Two:
        molndal = make_locality("Mölndal")
        sydvast = make_locality("Sydväst")
        own = make_promise(locality=molndal, title="Trygg i Mölndal")
        other = make_promise(locality=sydvast, title="Trygg i Sydväst", state="draft")
        own_commitment = make_commitment(promise=own, text="Polisen patrullerar på bron.")
        other_commitment = make_commitment(promise=other, text="Fler vuxna ute på torget.")
        polis = make_editor(molndal)
        samordnare = make_editor(sydvast, role=Membership.Role.SAMORDNARE)

    return Two


def test_kommunpolis_edits_own_commitment_text_in_the_promise_form(client, two):
    client.force_login(two.polis)
    change = reverse("admin:promises_promise_change", args=[two.own.pk])
    data = post_data(client.get(change))
    data["commitments-0-text"] = "Polisen patrullerar på bron varje kväll."

    response = client.post(change, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    two.own_commitment.refresh_from_db()
    assert two.own_commitment.text == "Polisen patrullerar på bron varje kväll."


def test_kommunpolis_sorts_commitments_by_moving_them(client, two, make_commitment):
    # Issue 14: order numbers are no longer typed; "Move up" posts to the move view.
    second = make_commitment(promise=two.own, text="Kommunen ordnar trygghetsvandringar.", order=1)
    client.force_login(two.polis)
    move = reverse("admin:promises_commitment_move", args=[second.pk, "up"])

    assert client.post(move).status_code == 302
    assert list(two.own.commitments.all()) == [second, two.own_commitment]


def test_a_foreign_key_to_another_localitys_promise_is_refused(client, two):
    client.force_login(two.polis)
    add = reverse("admin:promises_commitment_add")
    data = post_data(client.get(add))
    data.update(promise=str(two.other.pk), text="Smuggled in", order="0")

    response = client.post(add, data)

    assert response.status_code == 200
    assert "promise" in response.context["adminform"].form.errors
    assert not Commitment.objects.filter(text="Smuggled in").exists()


def test_moving_a_contact_to_another_locality_gives_a_clear_form_error(client, two):
    contact = Contact.objects.create(locality=two.molndal, name="Kim Kommunpolis")
    client.force_login(two.polis)
    change = reverse("admin:promises_contact_change", args=[contact.pk])
    data = post_data(client.get(change))
    data["locality"] = str(two.sydvast.pk)

    response = client.post(change, data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["locality"]
    assert errors == ["Du kan bara välja bland de områden du arbetar i och det som hör till dem."]
    contact.refresh_from_db()
    assert contact.locality == two.molndal


def test_another_localitys_place_in_an_inline_is_refused(client, two):
    picture = SituationPicture.objects.create(locality=two.molndal, title="Lägesbild", slug="l")
    foreign = Place.objects.create(locality=two.sydvast, name="Frölunda torg", slug="frolunda")
    client.force_login(two.polis)
    change = reverse("admin:situation_situationpicture_change", args=[picture.pk])
    data = post_data(client.get(change))
    data.update(
        {
            "problems-TOTAL_FORMS": "1",
            "problems-0-description": "Otrygghet vid torget",
            "problems-0-order": "0",
            "problems-0-places": [str(foreign.pk)],
        }
    )

    response = client.post(change, data)

    assert response.status_code == 200
    assert not Problem.objects.exists()


def test_another_localitys_commitment_id_in_an_inline_row_changes_nothing(client, two):
    client.force_login(two.polis)
    change = reverse("admin:promises_promise_change", args=[two.own.pk])
    data = post_data(client.get(change))
    data["commitments-0-id"] = str(two.other_commitment.pk)
    data["commitments-0-text"] = "Overwritten"

    client.post(change, data)

    two.other_commitment.refresh_from_db()
    assert two.other_commitment.text == "Fler vuxna ute på torget."
    assert two.other_commitment.promise == two.other


def test_publish_action_with_another_localitys_id_changes_nothing(client, two, make_promise):
    draft = make_promise(locality=two.molndal, title="Utkast", state="draft")
    client.force_login(two.polis)

    client.post(
        reverse("admin:promises_promise_changelist"),
        {"action": "publish", "_selected_action": [str(two.other.pk), str(draft.pk)]},
    )

    two.other.refresh_from_db()
    draft.refresh_from_db()
    assert two.other.state == Promise.State.DRAFT
    assert draft.state == Promise.State.PUBLISHED


def test_unpublish_action_puts_a_promise_back_to_draft(client, two):
    client.force_login(two.polis)

    client.post(
        reverse("admin:promises_promise_changelist"),
        # Issue 14: the action asks first; "post=yes" is the confirmation page's answer.
        {"action": "unpublish", "_selected_action": [str(two.own.pk)], "post": "yes"},
    )

    two.own.refresh_from_db()
    assert two.own.state == Promise.State.DRAFT


def test_bulk_delete_with_another_localitys_id_deletes_nothing_of_it(client, two):
    client.force_login(two.polis)

    client.post(
        reverse("admin:promises_commitment_changelist"),
        {
            "action": "delete_selected",
            "post": "yes",
            "_selected_action": [str(two.other_commitment.pk)],
        },
    )

    assert Commitment.objects.filter(pk=two.other_commitment.pk).exists()


def test_a_kommunpolis_who_is_samordnare_elsewhere_cannot_edit_the_other_promise(
    client, two, make_editor
):
    from promises.permissions import membership_grant

    membership_grant(user=two.polis, locality=two.sydvast, role=Membership.Role.SAMORDNARE)
    client.force_login(two.polis)

    response = client.get(reverse("admin:promises_promise_change", args=[two.other.pk]))

    assert response.status_code == 200
    assert response.context["has_change_permission"] is False
    own = client.get(reverse("admin:promises_promise_change", args=[two.own.pk]))
    assert own.context["has_change_permission"] is True


def test_samordnare_marks_feedback_handled_with_an_internal_comment(client, two):
    from followup.models import Feedback

    feedback = Feedback.objects.create(locality=two.sydvast, message="Mörkt vid hållplatsen.")
    client.force_login(two.samordnare)
    change = reverse("admin:followup_feedback_change", args=[feedback.pk])
    data = post_data(client.get(change))
    data.update(handled="on", internal_comment="Tekniska förvaltningen kontaktad.")

    assert client.post(change, data).status_code == 302
    feedback.refresh_from_db()
    assert feedback.handled and feedback.handled_at is not None
    assert feedback.internal_comment == "Tekniska förvaltningen kontaktad."
    assert feedback.message == "Mörkt vid hållplatsen."


def test_admin_is_in_swedish(client, two):
    client.force_login(two.polis)

    response = client.get(reverse("admin:index"))

    assert "Medborgarlöften – administration" in response.content.decode()
    assert "Medborgarlöften" in response.content.decode()


def test_an_indicator_refuses_a_goal_of_another_promise(client, two, make_promise):
    from followup.models import Indicator
    from promises.models import Goal

    elsewhere = Goal.objects.create(promise=make_promise(locality=two.molndal), text="Annat mål")
    client.force_login(two.polis)
    add = reverse("admin:followup_indicator_add")
    data = post_data(client.get(add))
    data.update(promise=str(two.own.pk), goal=str(elsewhere.pk), name="Patruller", slug="patruller")
    data.update(direction="higher", order="0")

    response = client.post(add, data)

    assert response.status_code == 200
    assert "goal" in response.context["adminform"].form.errors
    assert not Indicator.objects.exists()
