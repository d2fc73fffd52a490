"""Cache-Control for browsers and a shared cache in front: public and short for pages alike
for every visitor, private for pages with a form (a per-visitor CSRF token)."""

import pytest
from django.core.cache import cache
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    """The page cache on, as in production (tests run without it)."""
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def _directives(response):
    return {d.strip() for d in response["Cache-Control"].split(",")}


@pytest.mark.parametrize("path", ["/", "/loften/", "/om/", "/en/oppna-data/"])
def test_a_public_page_without_a_form_may_be_kept_briefly_by_a_shared_cache(client, settings, path):
    settings.PUBLIC_CACHE_MAX_AGE = 60
    settings.PUBLIC_CACHE_STALE_WHILE_REVALIDATE = 30
    for _ in range(2):  # rendered, then from the page cache
        response = client.get(path)
        assert response.status_code == 200
        assert _directives(response) == {"public", "max-age=60", "stale-while-revalidate=30"}


def test_a_page_with_a_form_is_private_also_from_the_page_cache(client, make_locality):
    locality = make_locality("Mölndal", slug="molndal")
    for _ in range(2):
        response = client.get(locality.get_absolute_url())
        assert response.status_code == 200
        assert 'name="csrfmiddlewaretoken"' in response.content.decode()
        assert "private" in _directives(response)
        assert "public" not in _directives(response)
    assert client.get(reverse("followup:feedback"))["Cache-Control"].startswith("private")


def test_a_logged_in_visitor_gets_private_pages(admin_client):
    assert "private" in _directives(admin_client.get("/loften/"))


def test_the_page_cache_still_stores_public_pages_and_pages_with_forms(client, make_locality):
    locality = make_locality("Mölndal", slug="molndal")
    client.get("/om/")
    assert client.get("/om/")["X-Cache"] == "hit"
    client.get(locality.get_absolute_url())
    assert client.get(locality.get_absolute_url())["X-Cache"] == "hit"


def test_errors_and_the_admin_get_no_public_header(client):
    assert "public" not in client.get("/no-such-locality/").get("Cache-Control", "")
    assert "public" not in client.get("/admin/login/").get("Cache-Control", "")
