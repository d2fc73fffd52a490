"""Pages with forms still answer conditional GETs, and never hide a real change."""

import pytest

pytestmark = pytest.mark.django_db

URL = "/molndal/molndals-innerstad/"


def test_a_page_with_forms_answers_304_to_its_own_etag(client, demo_data):
    first = client.get(URL)
    assert b"csrfmiddlewaretoken" in first.content  # the page does carry a form

    again = client.get(URL, headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304


def test_the_etag_changes_when_the_content_changes(client, demo_data):
    from promises.models import Commitment

    etag = client.get(URL)["ETag"]
    Commitment.objects.filter(promise__slug="molndals-innerstad", order=0).update(
        text="Ändrad formulering."
    )

    response = client.get(URL, headers={"if-none-match": etag})

    assert response.status_code == 200
    assert "Ändrad formulering." in response.content.decode()
