"""Project-wide middleware: request ids, health checks, headers, the 503 page when the
database is down, and a stable ETag for pages with forms."""

import hashlib
import logging
import re
import sys
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.signals import got_request_exception, request_finished
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import quote_etag

from .cache import is_excluded, unprefixed_path
from .logs import request_id_var

logger = logging.getLogger(__name__)

SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")
DATABASE_DOWN = (OperationalError, InterfaceError)


class RequestIdMiddleware:
    """Takes a sane X-Request-ID from the proxy or makes one; echoes it and logs with it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request.request_id = given if SANE_REQUEST_ID.match(given) else uuid.uuid4().hex
        # Left set until the response is closed: Django logs 4xx/5xx after the middleware.
        request_id_var.set(request.request_id)
        response = self.get_response(request)
        response["X-Request-ID"] = request.request_id
        return response


def _forget_request_id(**kwargs):
    request_id_var.set("-")


request_finished.connect(_forget_request_id, dispatch_uid="ops_forget_request_id")


class HealthCheckMiddleware:
    """`/healthz`: the process answers. `/readyz`: the database and the cache answer too.

    Answered before host validation and the HTTPS redirect, as load balancers probe by IP
    over plain HTTP. No personal data, never cached.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            response = JsonResponse({"status": "ok"})
        elif request.path == "/readyz":
            checks = {"database": _check_database(), "cache": _check_cache()}
            ready = all(value == "ok" for value in checks.values())
            response = JsonResponse(
                {"status": "ok" if ready else "unavailable", "checks": checks},
                status=200 if ready else 503,
            )
        else:
            return self.get_response(request)
        add_never_cache_headers(response)
        return response


def _check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("Readiness check: the database does not answer")
        return "unavailable"
    return "ok"


def _check_cache():
    try:
        cache.set("readyz", "1", 10)
        if cache.get("readyz") != "1":
            raise ValueError("cache did not keep a value")
    except Exception:  # any cache backend error means "not ready"
        logger.warning("Readiness check: the cache does not answer")
        return "unavailable"
    return "ok"


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header from settings.PERMISSIONS_POLICY."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class AdminNoIndexMiddleware:
    """Tells robots not to index or follow the admin's pages (X-Robots-Tag).

    robots.txt does not list the admin: ADMIN_URL is meant to be hard to guess.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        admin_prefix = "/" + settings.ADMIN_URL.strip("/") + "/"
        if unprefixed_path(request.path_info).startswith(admin_prefix):
            response.headers.setdefault("X-Robots-Tag", "noindex, nofollow")
        return response


class DatabaseUnavailableMiddleware:
    """When the database cannot be reached, answer a styled 503 page, never a traceback.

    A view's error arrives in `process_exception`; an error raised in other middleware
    (e.g. loading a session) has already become a 500 by the time it gets here, so the
    `got_request_exception` signal marks the request and the 500 is replaced as well.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "_database_unavailable", False) and response.status_code == 500:
            return service_unavailable(request)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_DOWN):
            logger.error("Database unavailable: %s", type(exception).__name__)
            return service_unavailable(request)
        return None


def _mark_database_unavailable(sender, request=None, **kwargs):
    exception = sys.exc_info()[1]
    if request is not None and isinstance(exception, DATABASE_DOWN):
        request._database_unavailable = True


got_request_exception.connect(_mark_database_unavailable, dispatch_uid="ops_database_down")


def service_unavailable(request):
    """The 503 page: a template that needs neither the database nor a context processor."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        html = render_to_string("503.html", {"LANGUAGE_CODE": language})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = "60"
    add_never_cache_headers(response)
    return response


# Values rendered afresh on every request although the page is the same: the masked CSRF
# token and the feedback forms' signed "shown at" stamp. Both stay valid in a browser's
# cached copy (the token is checked against the browser's own cookie; a stale stamp gets a
# clear message and a fresh form), so they are left out of the page's ETag.
VOLATILE_VALUES = re.compile(rb'(name="(?:csrfmiddlewaretoken|shown_at)"\s+value=")[^"]*(")')


class StableETagMiddleware:
    """Sets a weak ETag over the page minus its per-request form values, so that
    ConditionalGetMiddleware (listed further up) can answer 304 for pages
    that carry a form."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.streaming
            and not response.has_header("ETag")
            and "no-store" not in response.get("Cache-Control", "")
        ):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            body = VOLATILE_VALUES.sub(rb"\1\2", response.content)
            response["ETag"] = "W/" + quote_etag(
                hashlib.md5(body, usedforsecurity=False).hexdigest()
            )
        return response


class BrowserCacheControlMiddleware:
    """Cache-Control for browsers and a shared cache (proxy, CDN) in front, on a 200 to a
    GET or HEAD of a public page that did not set one itself:

    - the same for every visitor: `public`, a short `max-age` (PUBLIC_CACHE_MAX_AGE) and
      `stale-while-revalidate` (PUBLIC_CACHE_STALE_WHILE_REVALIDATE); the page cache behind
      (config.cache) shows an edit at once, so an edit shows behind a proxy within max-age
      (and, served stale, on the request after);
    - with per-visitor content (a form's CSRF token and timestamp, a cookie set, a logged-in
      visitor or one with a session): `private`, never stored by a shared cache.

    Above the page cache in MIDDLEWARE, so what the page cache stores is not changed (it
    would not store a `private` page) and pages it serves get the header too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method not in ("GET", "HEAD")
            or response.status_code != 200
            or response.has_header("Cache-Control")
            or is_excluded(request.path_info)
        ):
            return response
        if self._per_visitor(request, response):
            patch_cache_control(response, private=True, max_age=0)
        else:
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PUBLIC_CACHE_MAX_AGE,
                stale_while_revalidate=settings.PUBLIC_CACHE_STALE_WHILE_REVALIDATE,
            )
        return response

    @staticmethod
    def _per_visitor(request, response):
        user = getattr(request, "user", None)
        return bool(
            request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # a form's token was put in the page
            or response.cookies
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or "Authorization" in request.headers
            or getattr(getattr(user, "_wrapped", None), "is_authenticated", False) is True
        )
