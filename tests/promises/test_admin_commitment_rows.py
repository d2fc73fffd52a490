"""The commitment rows of the promise form (issue 14): only the promise's parties are
offered, and commitments and goals are ordered by moving them, not by typing numbers."""

import pytest
from django.test import Client
from django.urls import reverse

from promises.models import Commitment, Goal, Membership, Party
from tests.promises.admin_forms import post_data

pytestmark = pytest.mark.django_db

Role = Membership.Role


@pytest.fixture
def place(make_locality, make_promise, make_commitment, make_party, make_editor):
    molndal, sydvast = make_locality("Mölndal"), make_locality("Sydväst")
    ns = type("Place", (), {})()
    ns.molndal, ns.sydvast = molndal, sydvast
    ns.polisen = make_party("Lokalpolisområde Mölndal", kind=Party.Kind.POLICE)
    ns.stad = make_party("Mölndals stad", kind=Party.Kind.MUNICIPALITY)
    ns.orust = make_party("Orusts kommun", kind=Party.Kind.MUNICIPALITY)
    ns.vasttrafik = make_party("Västtrafik", kind=Party.Kind.PARTNER)
    ns.promise = make_promise(locality=molndal, title="Trygg i Mölndal")
    ns.promise.parties.set([ns.polisen, ns.stad])
    ns.first = make_commitment(promise=ns.promise, text="Första åtagandet", order=1)
    ns.second = make_commitment(promise=ns.promise, text="Andra åtagandet", order=2)
    ns.goal_a = Goal.objects.create(promise=ns.promise, text="Mål A", order=1)
    ns.goal_b = Goal.objects.create(promise=ns.promise, text="Mål B", order=2)
    ns.polis = make_editor(molndal, username="molndal.polis")
    ns.samordnare = make_editor(molndal, role=Role.SAMORDNARE, username="molndal.samordnare")
    ns.stranger = make_editor(sydvast, username="sydvast.polis")
    return ns


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def change_url(promise):
    return reverse("admin:promises_promise_change", args=[promise.pk])


# --- Parties that fit -------------------------------------------------------------------


def test_a_commitment_offers_only_the_promises_parties(place):
    response = logged_in(place.polis).get(change_url(place.promise))

    inline = response.context["inline_admin_formsets"][0].formset
    offered = set(inline.forms[0].fields["parties"].queryset)
    assert offered == {place.polisen, place.stad}
    assert "Orusts kommun" not in str(inline.forms[0]["parties"])


def test_a_party_of_another_municipality_is_refused_on_a_commitment(place):
    client = logged_in(place.polis)
    data = post_data(client.get(change_url(place.promise)))
    data["commitments-0-parties"] = [str(place.orust.pk)]

    response = client.post(change_url(place.promise), data)

    assert response.status_code == 200  # the form again, with the error
    assert not place.first.parties.filter(pk=place.orust.pk).exists()


def test_a_partner_added_to_the_promise_in_the_same_save_may_own_a_commitment(place):
    client = logged_in(place.polis)
    data = post_data(client.get(change_url(place.promise)))
    data["parties"] = [str(place.polisen.pk), str(place.stad.pk), str(place.vasttrafik.pk)]
    data["commitments-0-parties"] = [str(place.vasttrafik.pk)]

    response = client.post(change_url(place.promise), data)

    assert response.status_code == 302
    assert list(place.first.parties.all()) == [place.vasttrafik]


def test_the_commitments_own_page_offers_only_the_promises_parties(place):
    url = reverse("admin:promises_commitment_change", args=[place.first.pk])
    response = logged_in(place.polis).get(url)

    assert set(response.context["adminform"].form.fields["parties"].queryset) == {
        place.polisen,
        place.stad,
    }


# --- Ordering without numbers -----------------------------------------------------------


def move_url(obj, direction):
    return reverse(f"admin:promises_{obj._meta.model_name}_move", args=[obj.pk, direction])


def test_kommunpolis_moves_a_commitment_up_without_javascript(place):
    client = logged_in(place.polis)
    page = client.get(change_url(place.promise)).content.decode()
    assert f'formaction="{move_url(place.second, "up")}"' in page

    response = client.post(move_url(place.second, "up"))

    assert response.status_code == 302
    assert list(place.promise.commitments.order_by("order")) == [place.second, place.first]


def test_kommunpolis_moves_a_goal_down(place):
    response = logged_in(place.polis).post(move_url(place.goal_a, "down"))

    assert response.status_code == 302
    assert list(place.promise.goals.order_by("order")) == [place.goal_b, place.goal_a]


def test_a_move_numbers_rows_apart_even_when_they_shared_a_number(place, make_commitment):
    third = make_commitment(promise=place.promise, text="Tredje", order=2)

    logged_in(place.polis).post(move_url(third, "up"))

    orders = list(place.promise.commitments.values_list("order", flat=True))
    assert sorted(orders) == [1, 2, 3]


def test_the_promise_form_has_no_order_numbers_to_type(place):
    client = logged_in(place.polis)
    response = client.get(change_url(place.promise))

    page = response.content.decode()
    assert 'name="commitments-0-order"' not in page
    assert 'name="goals-0-order"' not in page


def test_a_new_commitment_goes_last(place):
    client = logged_in(place.polis)
    data = post_data(client.get(change_url(place.promise)))
    data["commitments-TOTAL_FORMS"] = str(int(data["commitments-TOTAL_FORMS"]) + 1)
    data["commitments-2-text"] = "Nytt sist"
    data["commitments-2-promise"] = str(place.promise.pk)

    response = client.post(change_url(place.promise), data)

    assert response.status_code == 302
    assert place.promise.commitments.order_by("order").last().text == "Nytt sist"


def test_moving_needs_post(place):
    response = logged_in(place.polis).get(move_url(place.second, "up"))

    assert response.status_code == 405
    assert place.promise.commitments.order_by("order").first() == place.first


def test_samordnare_may_not_move_commitments(place):
    response = logged_in(place.samordnare).post(move_url(place.second, "up"))

    assert response.status_code == 403
    assert place.promise.commitments.order_by("order").first() == place.first


def test_another_localitys_kommunpolis_gets_404_and_moves_nothing(place):
    response = logged_in(place.stranger).post(move_url(place.second, "up"))

    assert response.status_code == 404
    assert place.promise.commitments.order_by("order").first() == place.first


def test_anonymous_visitor_moves_nothing(place):
    response = Client().post(move_url(place.second, "up"))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
    assert place.promise.commitments.order_by("order").first() == place.first


@pytest.mark.parametrize("forged", ["987654", "abc", "99999999999999999999999"])
def test_forged_ids_and_directions_answer_404(place, forged):
    client = logged_in(place.polis)
    url = reverse("admin:promises_commitment_move", args=[forged, "up"])

    assert client.post(url).status_code == 404
    assert client.post(move_url(place.second, "sideways")).status_code == 404
    assert Commitment.objects.get(pk=place.second.pk).order == 2
