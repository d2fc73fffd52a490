"""Everything residents can do is linked: the footer, the promise and locality pages and
the open-data page."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _hrefs(response):
    return set(re.findall(r'href="([^"]+)"', response.content.decode()))


def test_the_footer_links_every_resident_service_and_each_link_works(client, demo_data):
    footer = client.get(reverse("promises:home")).content.decode().split('class="site-footer"')[1]
    links = set(re.findall(r'href="([^"]+)"', footer))
    expected = {"/synpunkter/", "/prenumerera/", "/feeds/atom/", "/oppna-data/", "/omrade/"}
    assert expected <= links
    for link in expected:
        assert client.get(link).status_code == 200, link


def test_the_open_data_page_explains_the_api_csv_and_licence_in_swedish(client, demo_data):
    response = client.get(reverse("promises:open-data"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "CC0 1.0" in content
    assert {
        "/api/v1/promises.csv",
        "/api/v1/measurements.csv",
        "/api/v1/docs/",
        "/api/v1/dcat.rdf",
    } <= _hrefs(response)
    assert "Ladda ner som kalkylblad (CSV)" in content
    assert "/embed/promise/" in content
    english = client.get("/en/oppna-data/").content.decode()
    assert "Download as a spreadsheet (CSV)" in english


def test_a_promise_page_links_subscribing_feedback_data_and_embedding(client, demo_data):
    from promises.models import Promise

    promise = Promise.objects.get(slug="medborgarlofte-2023-2024")
    response = client.get(promise.get_absolute_url())
    content = response.content.decode()
    assert "Få e-post när löftet följs upp" in content
    assert "Lämna synpunkter" in content
    hrefs = _hrefs(response)
    assert {
        "#subscribe-heading",
        "#feedback-heading",
        f"/api/v1/promises/{promise.pk}/",
        "/embed/promise/sodra-fyrbodal/medborgarlofte-2023-2024/",
        "/feeds/sodra-fyrbodal/medborgarlofte-2023-2024/atom/",
    } <= hrefs
    assert 'id="subscribe-heading"' in content and 'id="feedback-heading"' in content
    for link in hrefs:
        if link.startswith(("/api/", "/embed/", "/feeds/")):
            assert client.get(link).status_code == 200, link


def test_a_locality_page_links_its_feed_data_and_forms(client, demo_data):
    response = client.get(reverse("promises:locality", kwargs={"slug": "molndal"}))
    hrefs = _hrefs(response)
    assert {"/api/v1/localities/molndal/", "/feeds/molndal/atom/", "#feedback-heading"} <= hrefs
