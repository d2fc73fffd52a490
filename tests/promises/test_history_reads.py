"""History that reads (issue 14 point 7): Swedish field names and values, no "None", and a
promise's history that includes its commitments', goals' and indicators' changes, with who
and when — for the promise's own editors only."""

import pytest
from django.test import Client
from django.urls import reverse

from followup.models import Indicator
from promises.models import Goal, Membership, Promise

pytestmark = pytest.mark.django_db

Role = Membership.Role


@pytest.fixture
def place(make_locality, make_promise, make_commitment, make_editor):
    molndal, sydvast = make_locality("Mölndal"), make_locality("Sydväst")
    ns = type("Place", (), {})()
    ns.promise = make_promise(locality=molndal, title="Trygg i Mölndal", state="draft")
    ns.commitment = make_commitment(promise=ns.promise, text="Polisen patrullerar.")
    ns.polis = make_editor(molndal, username="molndal.polis", first_name="Karin", last_name="Polis")
    ns.stranger = make_editor(sydvast, username="sydvast.polis")
    return ns


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def history_url(promise):
    return reverse("admin:promises_promise_history", args=[promise.pk])


def test_a_publication_reads_in_swedish_without_none(place):
    promise = Promise.objects.get(pk=place.promise.pk)
    promise.state = Promise.State.PUBLISHED
    promise.save()

    page = logged_in(place.polis).get(history_url(place.promise)).content.decode()

    assert "Utkast → Publicerat" in page
    assert "draft → published" not in page
    assert "None" not in page


def test_the_promise_history_lists_its_commitments_goals_and_indicators_with_who(place):
    client = logged_in(place.polis)
    commitment_url = reverse("admin:promises_commitment_change", args=[place.commitment.pk])
    data = {"promise": place.promise.pk, "text": "Polisen patrullerar varje kväll."}
    assert client.post(commitment_url, data).status_code == 302
    Goal.objects.create(promise=place.promise, text="Färre rån vid bron")
    Indicator.objects.create(promise=place.promise, name="Antal patrulleringar", slug="antal")

    page = client.get(history_url(place.promise)).content.decode()

    assert "Polisen patrullerar. → Polisen patrullerar varje kväll." in page
    assert "Karin Polis" in page
    assert "Färre rån vid bron" in page
    assert "Antal patrulleringar" in page


def test_another_localitys_editor_cannot_read_the_history(place):
    response = logged_in(place.stranger).get(history_url(place.promise))

    assert response.status_code == 404
    assert "Polisen patrullerar" not in response.content.decode()
