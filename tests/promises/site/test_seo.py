"""Search engines: the language alternates are absolute URLs (Lighthouse's hreflang audit)."""

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
