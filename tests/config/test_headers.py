"""Security headers on every response: a public page, an admin page and an error page."""

import pytest
from csp.decorators import csp_replace
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import path, reverse
from django.views.decorators.clickjacking import xframe_options_exempt

pytestmark = pytest.mark.django_db

PAGES = {
    "public page": lambda: "/",
    "admin login page": lambda: reverse("admin:login"),
    "error page": lambda: "/no-such-locality/no-such-promise/",
}


@pytest.fixture
def https(settings):
    """Served over HTTPS behind a proxy that says so, as in production."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    return {"HTTP_X_FORWARDED_PROTO": "https"}


@pytest.mark.parametrize("page", PAGES)
def test_every_kind_of_page_carries_the_security_headers(client, https, page):
    response = client.get(PAGES[page](), **https)

    assert response.status_code == (404 if page == "error page" else 200)
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_hsts_is_not_sent_over_plain_http(client):
    response = client.get("/")

    assert "Strict-Transport-Security" not in response


def test_the_admin_login_sets_secure_httponly_samesite_cookies(client, https, settings):
    settings.CSRF_COOKIE_SECURE = settings.SESSION_COOKIE_SECURE = True

    response = client.get(reverse("admin:login"), **https)

    cookie = response.cookies[settings.CSRF_COOKIE_NAME]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_production_defaults_make_cookies_secure_and_hsts_one_year():
    """The defaults with DEBUG off, read in a clean interpreter."""
    from tests.config.test_deploy_check import production_settings

    values = production_settings(
        "SESSION_COOKIE_SECURE CSRF_COOKIE_SECURE SESSION_COOKIE_HTTPONLY CSRF_COOKIE_HTTPONLY "
        "SESSION_COOKIE_SAMESITE SECURE_HSTS_SECONDS SECURE_HSTS_INCLUDE_SUBDOMAINS "
        "SECURE_SSL_REDIRECT LOG_FORMAT"
    )

    assert values == ["True", "True", "True", "True", "Lax", "31536000", "True", "True", "json"]


@csp_replace({"frame-ancestors": ["https://kommun.example.se"]})
@xframe_options_exempt
def embeddable(request):
    return HttpResponse("<p>widget</p>")


urlpatterns = [path("embed/widget/", embeddable)]


@pytest.mark.urls(__name__)
def test_a_view_may_allow_framing_by_overriding_frame_ancestors_even_from_the_cache(
    client, settings
):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    cache.clear()

    for expected in ("miss", "hit"):
        response = client.get("/embed/widget/")

        assert response["X-Cache"] == expected
        assert "frame-ancestors https://kommun.example.se" in response["Content-Security-Policy"]
        assert "script-src 'self'" in response["Content-Security-Policy"]
        assert "X-Frame-Options" not in response
    cache.clear()


def test_other_pages_are_still_not_frameable(client):
    response = client.get("/")

    assert response["X-Frame-Options"] == "DENY"


# The admin's address is not published (issue 11, point 12)


def test_robots_txt_does_not_publish_the_admin_address(client, settings):
    text = client.get("/robots.txt").content.decode()

    assert settings.ADMIN_URL.strip("/") not in text
    assert "Disallow:\n" in text  # nothing is disallowed, so nothing is named
    assert "Sitemap: http://testserver/sitemap.xml" in text


@pytest.mark.parametrize("language", ["", "/en"])
def test_admin_pages_tell_robots_not_to_index_them(client, language):
    response = client.get(language + reverse("admin:login"))

    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_public_pages_may_be_indexed(client):
    assert "X-Robots-Tag" not in client.get("/")
