"""Every promise page names its source document, its signatories and when it was updated."""

import datetime

import pytest

from promises.models import Promise

pytestmark = pytest.mark.django_db


def test_the_source_document_is_shown_with_publisher_date_and_address(client, make_promise):
    promise = make_promise(
        state=Promise.State.PUBLISHED,
        source_title="Medborgarlöfte 2023-2024",
        source_publisher="Stenungsunds kommun",
        source_published_on=datetime.date(2023, 2, 1),
        source_url="https://www.stenungsund.se/medborgarlofte",
        signatories="Kicki Nordberg, kommundirektör",
    )
    content = client.get(promise.get_absolute_url()).content.decode()
    assert "Källdokument" in content
    assert (
        '<a href="https://www.stenungsund.se/medborgarlofte">Medborgarlöfte 2023-2024</a>'
        in content
    )
    assert "Stenungsunds kommun" in content
    assert '<time datetime="2023-02-01">' in content
    assert "Kicki Nordberg, kommundirektör" in content
    assert "Sidan uppdaterades senast" in content


def test_a_source_without_an_address_says_so(client, demo_data):
    promise = Promise.objects.get(slug="medborgarlofte-2023-2024")
    content = client.get(promise.get_absolute_url()).content.decode()
    assert "”Medborgarlöfte 2023-2024”" in content or "“Medborgarlöfte 2023-2024”" in content
    assert "Stenungsunds kommun" in content
    assert "ingen webbadress angiven" in content
