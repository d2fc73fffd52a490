"""The chain from problem to commitment: the link's scope in the admin, both pages that show
it, the honest texts where the documents do not say, and the editors' unlinked lists."""

import pytest
from django.urls import reverse

from promises.models import Commitment, Promise
from situation.models import Problem
from situation.selectors import unlinked_commitments, unlinked_for, unlinked_problems
from tests import factories
from tests.promises.admin_forms import post_data

pytestmark = pytest.mark.django_db

NOT_SAID_PROBLEM = "Dokumentet anger inte vilket åtagande som svarar mot detta."
NOT_SAID_COMMITMENT = "Dokumentet anger inte vilket problem i lägesbilden som detta åtagande"


@pytest.fixture
def chain(make_locality, make_promise, make_commitment, make_editor):
    class Chain:
        molndal = make_locality("Mölndal")
        sydvast = make_locality("Sydväst")
        promise = make_promise(locality=molndal, title="Trygg i Mölndal")
        answering = make_commitment(promise=promise, text="Polisen patrullerar vid bron.")
        silent = make_commitment(promise=promise, text="Kommunen städar parken.")
        foreign_promise = make_promise(locality=sydvast, title="Trygg i Sydväst")
        foreign = make_commitment(promise=foreign_promise, text="Fler vuxna på torget.")
        picture = factories.SituationPictureFactory(locality=molndal, title="Lägesbild")
        place = factories.PlaceFactory(locality=molndal, name="Mölndals bro")
        bridge = factories.ProblemFactory(picture=picture, description="Otrygghet vid bron.")
        park = factories.ProblemFactory(picture=picture, description="Nedskräpad park.", order=1)
        polis = make_editor(molndal)

    Chain.picture.promises.add(Chain.promise)
    Chain.bridge.places.add(Chain.place)
    Chain.bridge.commitments.add(Chain.answering)
    return Chain


def test_the_promise_page_says_which_problem_a_commitment_answers_with_its_places(client, chain):
    response = client.get(chain.promise.get_absolute_url())

    page = response.content.decode()
    answering = page.split(f'id="commitment-{chain.answering.pk}"')[1].split("</li>\n")[0]
    assert "Otrygghet vid bron." in answering
    assert chain.place.get_absolute_url() in answering


def test_a_commitment_without_a_linked_problem_says_the_document_does_not_say(client, chain):
    response = client.get(chain.promise.get_absolute_url())

    page = response.content.decode()
    silent = page.split(f'id="commitment-{chain.silent.pk}"')[1]
    assert NOT_SAID_COMMITMENT in silent
    assert "Svarar mot" in silent.split("</li>")[0]


def test_the_situation_picture_page_lists_per_problem_the_commitments_and_their_status(
    client, chain
):
    response = client.get(chain.picture.get_absolute_url())

    page = response.content.decode()
    bridge, park = page.split("Otrygghet vid bron.")[1].split("Nedskräpad park.")
    assert "Polisen patrullerar vid bron." in bridge
    assert f"#commitment-{chain.answering.pk}" in bridge
    assert "status-" in bridge
    assert NOT_SAID_PROBLEM in park
    assert NOT_SAID_PROBLEM not in bridge


def test_the_situation_picture_page_hides_commitments_of_a_draft_promise(client, chain):
    chain.promise.state = Promise.State.DRAFT
    chain.promise.save()

    response = client.get(chain.picture.get_absolute_url())

    assert "Polisen patrullerar vid bron." not in response.content.decode()


def test_the_kommunpolis_links_a_problem_to_an_own_commitment_in_the_admin(client, chain):
    client.force_login(chain.polis)
    change = reverse("admin:situation_problem_change", args=[chain.park.pk])
    data = post_data(client.get(change))
    data["commitments"] = [str(chain.silent.pk)]

    response = client.post(change, data)

    assert response.status_code == 302
    assert list(chain.park.commitments.all()) == [chain.silent]


def test_a_commitment_of_another_locality_cannot_answer_a_problem(client, chain):
    client.force_login(chain.polis)
    change = reverse("admin:situation_problem_change", args=[chain.park.pk])
    data = post_data(client.get(change))
    data["commitments"] = [str(chain.foreign.pk)]

    response = client.post(change, data)

    assert response.status_code == 200
    assert not chain.park.commitments.exists()


def test_an_administrator_cannot_link_another_localitys_commitment_either(client, chain, make_user):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    change = reverse("admin:situation_problem_change", args=[chain.park.pk])
    data = post_data(client.get(change))
    data["commitments"] = [str(chain.foreign.pk)]

    response = client.post(change, data)

    assert response.status_code == 200
    assert "samma område" in response.content.decode()
    assert not chain.park.commitments.exists()


def test_the_link_reads_in_both_directions(chain):
    assert list(chain.answering.problems.all()) == [chain.bridge]
    assert list(chain.bridge.commitments.all()) == [chain.answering]


def test_unlinked_lists_name_the_problems_and_commitments_without_a_link(chain):
    assert list(unlinked_problems()) == [chain.park]
    assert set(unlinked_commitments()) == {chain.silent, chain.foreign}
    assert set(unlinked_commitments([chain.molndal.pk])) == {chain.silent}


def test_an_editors_unlinked_lists_hold_only_their_own_localities(chain):
    problems, commitments = unlinked_for(chain.polis)

    assert list(problems) == [chain.park]
    assert list(commitments) == [chain.silent]


def test_the_editors_start_page_lists_the_unlinked_problems_and_commitments(client, chain):
    client.force_login(chain.polis)

    page = client.get(reverse("admin:index")).content.decode()

    section = page.split("Kopplingar som dokumenten inte anger")[1]
    assert "1 problem som inget åtagande svarar mot" in section
    assert "Nedskräpad park." in section and "Otrygghet vid bron." not in section
    assert "Kommunen städar parken." in section
    assert "Fler vuxna på torget." not in section  # another locality's


def test_a_problem_of_a_picture_no_promise_rests_on_is_not_listed_as_unanswered(chain):
    other = factories.SituationPictureFactory(locality=chain.molndal, title="Gammal bild")
    factories.ProblemFactory(picture=other, description="Förr.")

    assert list(unlinked_problems()) == [chain.park]


def test_demo_molndal_commitments_answer_the_mondals_bro_problem_and_nothing_else_is_guessed(
    demo_data,
):
    molndal = Promise.objects.get(locality__slug="molndal")
    bridge = Problem.objects.get(picture__locality__slug="molndal", order=0)

    assert "Mölndals bro" in bridge.description
    assert set(bridge.commitments.all()) == set(molndal.commitments.all())
    assert molndal.commitments.exists()
    linked = Problem.commitments.through.objects.values_list("problem_id", flat=True)
    assert set(linked) == {bridge.pk}
    assert Commitment.objects.exclude(promise=molndal).filter(problems__isnull=False).count() == 0
