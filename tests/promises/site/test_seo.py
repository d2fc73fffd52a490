"""Search engines: the language alternates are absolute URLs (Lighthouse's hreflang audit), and
the pages Lighthouse is run on (README, bench/results.md) carry what its SEO and accessibility
audits read from the markup."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/loften/?q=tj%C3%B6rn", "/en/om/"])
def test_hreflang_alternates_are_absolute_urls(client, path):
    html = client.get(path).content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))
    assert set(alternates) == {"sv", "en", "x-default"}
    assert all(href.startswith("http://testserver/") for href in alternates.values())
    assert alternates["en"].startswith("http://testserver/en/")
    assert alternates["x-default"] == alternates["sv"]


def test_the_english_alternate_keeps_the_query(client):
    html = client.get(reverse("promises:list"), {"q": "tjörn"}).content.decode()
    assert 'hreflang="en" href="http://testserver/en/loften/?q=tj%C3%B6rn"' in html


LIGHTHOUSE_PAGES = ["/", "/loften/", "/molndal/", "/molndal/molndals-innerstad/", "/en/"]


@pytest.mark.parametrize("path", LIGHTHOUSE_PAGES)
def test_the_lighthouse_pages_can_be_indexed_zoomed_and_described(client, demo_data, path):
    response = client.get(path)

    html = response.content.decode()
    assert response.status_code == 200
    assert "noindex" not in html and "noindex" not in response.get("X-Robots-Tag", "")
    viewport = re.search(r'<meta name="viewport" content="([^"]*)"', html).group(1)
    assert "user-scalable=no" not in viewport and "maximum-scale" not in viewport
    description = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
    assert len(description.split()) >= 5
    alternates = re.findall(r'<link rel="alternate" hreflang="[^"]+" href="([^"]+)"', html)
    assert len(alternates) == 3
    assert all(href.startswith("http://testserver/") for href in alternates)
    assert "Disallow: /\n" not in client.get("/robots.txt").content.decode()
