"""Residents' feedback in the admin: only the locality's own team sees it."""

import pytest
from django.urls import reverse

from followup.models import Feedback
from promises.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def feedback(make_locality):
    return Feedback.objects.create(
        locality=make_locality("Mölndal"), message="Det är mörkt vid Mölndals bro på kvällarna."
    )


@pytest.mark.parametrize("role", [Membership.Role.KOMMUNPOLIS, Membership.Role.SAMORDNARE])
def test_feedback_of_another_locality_is_404_for_every_role(
    client, make_locality, make_editor, feedback, role
):
    client.force_login(make_editor(make_locality("Sydväst"), role=role))

    for name in ("change", "history"):
        response = client.get(reverse(f"admin:followup_feedback_{name}", args=[feedback.pk]))
        assert response.status_code == 404, name
        assert "Mölndals bro" not in response.content.decode()
    # Editors may not delete feedback at all: the same refusal as for an id that is missing.
    delete = client.get(reverse("admin:followup_feedback_delete", args=[feedback.pk]))
    missing = client.get(reverse("admin:followup_feedback_delete", args=[987654]))
    assert delete.status_code == missing.status_code == 403
    listing = client.get(reverse("admin:followup_feedback_changelist"))
    assert feedback.reference not in listing.content.decode()


@pytest.mark.parametrize("role", [Membership.Role.KOMMUNPOLIS, Membership.Role.SAMORDNARE])
def test_the_localitys_own_team_reads_its_feedback(client, make_editor, feedback, role):
    client.force_login(make_editor(feedback.locality, role=role))

    response = client.get(reverse("admin:followup_feedback_change", args=[feedback.pk]))

    assert response.status_code == 200
    assert "Mölndals bro" in response.content.decode()


def test_an_id_that_does_not_exist_is_404_too(client, make_editor, feedback):
    client.force_login(make_editor(feedback.locality))

    response = client.get(reverse("admin:followup_feedback_change", args=[987654]))

    assert response.status_code == 404
