"""Unpublishing a promise (issue 14 point 6): the admin asks first and says what residents
will see; the public address then answers 410 with the last published title, and a promise
that was never published stays 404."""

import pytest
from django.test import Client
from django.urls import reverse

from promises.models import Membership, Promise

pytestmark = pytest.mark.django_db

Role = Membership.Role


@pytest.fixture
def place(make_locality, make_promise, make_editor):
    molndal, sydvast = make_locality("Mölndal"), make_locality("Sydväst")
    ns = type("Place", (), {})()
    ns.molndal = molndal
    ns.promise = make_promise(locality=molndal, title="Trygg i Mölndal")
    ns.polis = make_editor(molndal, username="molndal.polis")
    ns.samordnare = make_editor(molndal, role=Role.SAMORDNARE, username="molndal.samordnare")
    ns.stranger = make_editor(sydvast, username="sydvast.polis")
    return ns


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def unpublish_url(promise):
    return reverse("admin:promises_promise_unpublish", args=[promise.pk])


def state_of(promise):
    return Promise.objects.get(pk=promise.pk).state


def test_the_unpublish_action_asks_first_and_says_what_residents_will_see(place):
    response = logged_in(place.polis).post(
        reverse("admin:promises_promise_changelist"),
        {"action": "unpublish", "_selected_action": [str(place.promise.pk)]},
    )

    assert response.status_code == 200
    assert "410" in response.content.decode()
    assert place.promise.get_absolute_url() in response.content.decode()
    assert state_of(place.promise) == Promise.State.PUBLISHED


def test_the_promise_form_links_to_the_unpublish_page_and_no_longer_offers_the_state(place):
    page = logged_in(place.polis).get(
        reverse("admin:promises_promise_change", args=[place.promise.pk])
    )

    assert unpublish_url(place.promise) in page.content.decode()
    assert "state" not in page.context["adminform"].form.fields


def test_the_unpublish_page_asks_on_get_and_unpublishes_on_post(place):
    client = logged_in(place.polis)

    assert client.get(unpublish_url(place.promise)).status_code == 200
    assert state_of(place.promise) == Promise.State.PUBLISHED
    assert client.post(unpublish_url(place.promise)).status_code == 302
    assert state_of(place.promise) == Promise.State.DRAFT


@pytest.mark.parametrize("who", ["stranger", "anonymous", "samordnare"])
def test_nobody_else_unpublishes(place, who):
    client = Client() if who == "anonymous" else logged_in(getattr(place, who))

    response = client.post(unpublish_url(place.promise))

    assert (
        response.status_code in {"stranger": (404,), "anonymous": (302,), "samordnare": (403,)}[who]
    )
    assert state_of(place.promise) == Promise.State.PUBLISHED


@pytest.mark.parametrize("forged", ["987654", "abc", "99999999999999999999999"])
def test_forged_ids_answer_404(place, forged):
    url = reverse("admin:promises_promise_unpublish", args=[forged])

    assert logged_in(place.polis).post(url).status_code == 404


def test_an_unpublished_promise_answers_410_with_its_last_published_title(place):
    url = place.promise.get_absolute_url()
    logged_in(place.polis).post(unpublish_url(place.promise))
    promise = Promise.objects.get(pk=place.promise.pk)
    promise.title = "Hemligt utkast till nästa löfte"
    promise.save()

    response = Client().get(url)

    assert response.status_code == 410
    page = response.content.decode()
    assert "Trygg i Mölndal" in page
    assert "Hemligt utkast" not in page


def test_a_promise_never_published_stays_404(place, make_promise):
    draft = make_promise(locality=place.molndal, title="Aldrig publicerat", state="draft")

    response = Client().get(draft.get_absolute_url())

    assert response.status_code == 404
    assert "Aldrig publicerat" not in response.content.decode()


def test_an_address_that_never_existed_stays_404(place):
    response = Client().get(f"/{place.molndal.slug}/finns-inte/")

    assert response.status_code == 404
