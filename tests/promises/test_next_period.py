"""Starting the next period of a promise (issue 14 point 9): a draft copy linked to its
predecessor, with commitments, goals, parties and contacts, statuses reset."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from followup.services import update_post
from promises.models import Commitment, Contact, Goal, Membership, Party, Promise

pytestmark = pytest.mark.django_db

Role = Membership.Role


@pytest.fixture
def place(make_locality, make_promise, make_commitment, make_party, make_editor):
    molndal, sydvast = make_locality("Mölndal"), make_locality("Sydväst")
    ns = type("Place", (), {})()
    ns.polisen = make_party("Lokalpolisområde Mölndal", kind=Party.Kind.POLICE)
    ns.promise = make_promise(
        locality=molndal,
        title="Trygg i Mölndal 2025",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    ns.promise.parties.set([ns.polisen])
    ns.commitment = make_commitment(promise=ns.promise, text="Patrullera", parties=[ns.polisen])
    Goal.objects.create(promise=ns.promise, text="Färre rån", order=1)
    ns.contact = Contact.objects.create(locality=molndal, name="Karin Polis")
    ns.contact.promises.add(ns.promise)
    ns.polis = make_editor(molndal, username="molndal.polis")
    ns.samordnare = make_editor(molndal, role=Role.SAMORDNARE, username="molndal.samordnare")
    ns.stranger = make_editor(sydvast, username="sydvast.polis")
    update_post(
        promise=ns.promise,
        commitment=ns.commitment,
        new_status="in_progress",
        text="Igång.",
        published=True,
    )
    return ns


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def next_url(promise):
    return reverse("admin:promises_promise_next_period", args=[promise.pk])


def test_kommunpolis_starts_the_next_period_as_a_linked_draft(place):
    client = logged_in(place.polis)
    change = client.get(reverse("admin:promises_promise_change", args=[place.promise.pk]))
    assert next_url(place.promise) in change.content.decode()
    assert client.get(next_url(place.promise)).status_code == 200

    response = client.post(next_url(place.promise))

    successor = Promise.objects.get(predecessor=place.promise)
    assert response.status_code == 302
    assert successor.state == Promise.State.DRAFT
    assert (successor.starts_on, successor.ends_on) == (
        datetime.date(2027, 1, 1),
        datetime.date(2028, 12, 31),
    )
    commitment = successor.commitments.get()
    assert commitment.text == "Patrullera"
    assert commitment.status == Commitment.Status.UNREPORTED
    assert list(commitment.parties.all()) == [place.polisen]
    assert list(successor.parties.all()) == [place.polisen]
    assert successor.goals.get().text == "Färre rån"
    assert place.contact.promises.filter(pk=successor.pk).exists()
    assert not successor.updates.exists()
    # The promise it renews is untouched.
    assert Commitment.objects.get(pk=place.commitment.pk).status == "in_progress"


@pytest.mark.parametrize("who", ["stranger", "anonymous", "samordnare"])
def test_nobody_else_starts_a_next_period(place, who):
    client = Client() if who == "anonymous" else logged_in(getattr(place, who))

    response = client.post(next_url(place.promise))

    assert response.status_code == {"stranger": 404, "anonymous": 302, "samordnare": 403}[who]
    assert not Promise.objects.filter(predecessor=place.promise).exists()


@pytest.mark.parametrize("forged", ["987654", "abc", "99999999999999999999999"])
def test_forged_ids_answer_404(place, forged):
    url = reverse("admin:promises_promise_next_period", args=[forged])

    assert logged_in(place.polis).post(url).status_code == 404


def test_an_undated_promise_gives_an_undated_next_period_twice_over(place, make_promise):
    undated = make_promise(
        locality=place.promise.locality,
        title="Trygg i Mölndal",
        starts_on=None,
        ends_on=None,
        period_text="under ett år",
    )
    client = logged_in(place.polis)

    client.post(next_url(undated))
    client.post(next_url(undated))

    successors = Promise.objects.filter(predecessor=undated)
    assert successors.count() == 2
    assert len({s.slug for s in successors}) == 2
    assert all(s.starts_on is None and s.period_text == "under ett år" for s in successors)


# --- A new promise, step by step ----------------------------------------------------------


def test_a_new_promise_is_written_in_steps_and_saved_as_a_draft_to_preview(place):
    client = logged_in(place.polis)
    add = client.get(reverse("admin:promises_promise_add"))
    page = add.content.decode()
    assert "Steg 1: titel och område" in page and "Steg 3: parter" in page
    assert "state" not in add.context["adminform"].form.fields

    response = client.post(
        reverse("admin:promises_promise_add"),
        {
            "locality": place.promise.locality.pk,
            "title": "Trygg i Mölndal 2027",
            "slug": "trygg-i-molndal-2027",
            "period_text": "under ett år",
            "parties": [place.polisen.pk],
            "state": "published",  # not on the form: ignored
        },
    )

    new = Promise.objects.get(slug="trygg-i-molndal-2027")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:promises_promise_change", args=[new.pk])
    assert new.state == Promise.State.DRAFT
    change = client.get(response["Location"]).content.decode()
    assert new.get_absolute_url() in change  # "Förhandsgranska den publika sidan"
    assert client.get(new.get_absolute_url()).status_code == 200  # the editor's preview
    assert Client().get(new.get_absolute_url()).status_code == 404  # residents: nothing
