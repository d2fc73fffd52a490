"""Place pages are not dead ends: what names the place, and a link to a map."""

import pytest
from django.urls import reverse

from promises.models import Promise

pytestmark = pytest.mark.django_db


def _place(client, locality, slug):
    response = client.get(reverse("promises:place", kwargs={"locality": locality, "slug": slug}))
    assert response.status_code == 200
    return response


def test_broplatsen_lists_the_commitment_that_names_it(client, demo_data):
    response = _place(client, "molndal", "broplatsen")
    commitments = list(response.context["commitments"])
    assert len(commitments) == 1
    assert "Nybyggnation broplatsen" in commitments[0].text
    assert f"#commitment-{commitments[0].pk}" in response.content.decode()


def test_frolunda_torg_lists_its_problem_and_links_a_map(client, demo_data):
    response = _place(client, "sydvast", "frolunda-torg")
    content = response.content.decode()
    assert "anslutning till Frölunda torg" in content
    assert (
        'href="https://www.openstreetmap.org/search?query=Fr%C3%B6lunda+torg%2C+G%C3%B6teborg"'
        in content
    )
    assert "<iframe" not in content and "<script" not in content


def test_biskopsgarden_lists_the_follow_up_note_that_names_it(client, demo_data):
    response = _place(client, "vastra-hisingen", "biskopsgarden")
    assert len(response.context["notes"]) >= 1


def test_a_draft_promises_commitment_is_not_listed(
    client, make_locality, make_promise, make_commitment
):
    from situation.models import Place

    locality = make_locality("Mölndal", slug="molndal")
    Place.objects.create(locality=locality, name="Broplatsen", slug="broplatsen")
    draft = make_promise(locality=locality, state=Promise.State.DRAFT)
    make_commitment(promise=draft, text="Hemligt vid Broplatsen.")
    response = _place(client, "molndal", "broplatsen")
    assert list(response.context["commitments"]) == []
    assert "Hemligt" not in response.content.decode()
