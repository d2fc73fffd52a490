"""“Hitta ditt område”: from a name residents know to the locality that covers it."""

import pytest
from django.urls import reverse

from promises.models import LocalityName

pytestmark = pytest.mark.django_db

FIND = reverse("promises:find-area")


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("Tjörn", "sodra-fyrbodal"),  # a municipality of a group of municipalities
        ("  tjorn ", "sodra-fyrbodal"),
        ("Västra Göteborg", "sydvast"),  # the alternative name its document gives
        ("frolunda torg", "sydvast"),  # a place
        ("Broplatsen", "molndal"),
        ("BISKOPSGÅRDEN", "vastra-hisingen"),
        ("Södra Fyrbodal", "sodra-fyrbodal"),
    ],
)
def test_a_name_residents_know_lands_on_the_locality(client, demo_data, typed, slug):
    response = client.get(FIND, {"namn": typed})
    assert response.status_code == 302
    assert response["Location"] == reverse("promises:locality", kwargs={"slug": slug})


def test_a_tjorn_resident_reaches_the_promise_in_two_steps(client, demo_data):
    home = client.get(reverse("promises:home")).content.decode()
    assert f'action="{FIND}"' in home
    assert '<option value="Tjörn">' in home

    locality = client.get(FIND, {"namn": "Tjörn"}, follow=True)
    assert locality.status_code == 200
    assert "Medborgarlöfte 2023-2024" in locality.content.decode()


def test_a_municipality_with_two_localities_offers_both(client, demo_data):
    response = client.get(FIND, {"namn": "Göteborg"})
    assert response.status_code == 200
    assert [loc.slug for loc in response.context["localities"]] == ["sydvast", "vastra-hisingen"]


def test_an_unknown_name_is_a_404_with_close_matches(client, demo_data):
    response = client.get(FIND, {"namn": "Tjörm"})
    assert response.status_code == 404
    content = response.content.decode()
    assert "Inget område med medborgarlöften heter" in content
    assert "Tjörn" in response.context["suggestions"]


def test_an_empty_or_strange_name_shows_the_form(client, db):
    assert client.get(FIND).status_code == 200
    assert client.get(FIND, {"namn": "\x00%_"}).status_code == 404
    assert client.get(FIND, {"namn": "x" * 5000}).status_code == 404


def test_an_alternative_name_added_in_the_admin_is_found(admin_client, make_locality):
    locality = make_locality("Sydväst", slug="sydvast")
    url = reverse("admin:promises_locality_change", args=[locality.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {
        "name": locality.name,
        "slug": locality.slug,
        "kind": locality.kind,
        "collaboration_name": "",
        "description": "",
        "names-TOTAL_FORMS": "1",
        "names-INITIAL_FORMS": "0",
        "names-0-name": "Askim",
    }
    assert form.instance == locality
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert list(LocalityName.objects.values_list("name", flat=True)) == ["Askim"]
    assert client_location(admin_client, "askim") == locality.get_absolute_url()


def client_location(client, typed):
    return client.get(FIND, {"namn": typed})["Location"]


def test_the_list_filters_by_municipality(client, demo_data):
    response = client.get(reverse("promises:list"), {"municipality": "tjorn"})
    assert [p.title for p in response.context["object_list"]] == ["Medborgarlöfte 2023-2024"]
    api = client.get("/api/v1/promises/", {"municipality": "goteborg"}).json()["items"]
    assert len(api) == 2
    assert client.get(reverse("promises:list"), {"municipality": "nowhere"}).status_code == 400
