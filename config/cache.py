"""The public page cache: anonymous GET/HEAD of public pages, invalidated by any content edit.

How it stays correct:
- Every cached page holds the *content generation*, a number in the cache that changes on any
  save, delete or many-to-many change of a model of the promises, situation and followup
  apps (signals, below; and once more when the transaction commits, so a page rendered from
  the old data during the transaction cannot be stored under the new number). An edit
  therefore shows at once: a page stored under another generation is never served. Code that writes with
  `QuerySet.update()`, `bulk_create()` or raw SQL sends `promises.signals.content_changed`.
- The key holds the scheme (http or https, as `request.scheme` says: see SECURE_PROXY_SSL_HEADER),
  the host, the full path with its query string, the language (from the
  URL prefix) and today's date (a promise's phase follows from the date).
- Served from the cache only to requests without a session or messages cookie (logged-in
  users, users with pending messages, never see or fill it).
- Stored only for a 200 to an anonymous visitor that set no cookie, used no CSRF token
  (a page with a form carries a per-visitor token: it must not reach another visitor),
  did not touch the session, says nothing like `Cache-Control: private/no-store/no-cache`
  (`never_cache` opts a view out) and varies on nothing but Cookie, Accept-Language and
  Accept-Encoding. The body is stored as one piece, however the view wrote it.
- Paths under the admin, `/i18n/` and settings.PUBLIC_PAGE_CACHE_EXCLUDED_PREFIXES are
  never cached (the prefix is matched after the language prefix).
"""

import hashlib
import logging
import pickle
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils import timezone, translation
from django.utils.cache import set_response_etag
from django.utils.http import http_date

from promises.signals import content_changed

logger = logging.getLogger(__name__)

GENERATION_KEY = "content-generation"
CONTENT_APPS = {"promises", "situation", "followup"}
# Residents' own data never appears on a public page: writing it must not empty the cache.
NOT_PUBLIC_MODELS = {
    "followup.feedback",
    "followup.subscription",
    "followup.notification",
    "followup.ratelimitcounter",
}
HARMLESS_VARY = {"cookie", "accept-language", "accept-encoding"}
# A page with a form is stored with its CSRF tokens blanked out, and each visitor gets their
# own token (and CSRF cookie) filled in when it is served from the cache.
CSRF_VALUE = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = b"__csrf_token_filled_in_per_visitor__"


def content_generation():
    """The current content generation; a new one when the cache has lost it."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = time.time_ns()
        if not cache.add(GENERATION_KEY, generation, None):
            generation = cache.get(GENERATION_KEY, generation)
    return generation


def bump_content_generation():
    """Invalidate every cached public page (now, and again when the transaction commits)."""
    _new_generation()
    transaction.on_commit(_new_generation)


def _new_generation():
    try:
        cache.set(GENERATION_KEY, time.time_ns(), None)
    except Exception:  # an edit must not fail because the cache is away
        logger.warning("Could not invalidate the page cache: the cache does not answer")


def _content_changed(sender, **kwargs):
    if sender._meta.app_label in CONTENT_APPS and sender._meta.label_lower not in NOT_PUBLIC_MODELS:
        bump_content_generation()


def _m2m_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        _content_changed(type(instance))


def _bulk_content_changed(sender=None, **kwargs):
    if sender is None or sender._meta.label_lower not in NOT_PUBLIC_MODELS:
        bump_content_generation()


def connect_invalidation_signals():
    content_changed.connect(_bulk_content_changed, dispatch_uid="ops_cache_content_changed")
    post_save.connect(_content_changed, dispatch_uid="ops_cache_post_save")
    post_delete.connect(_content_changed, dispatch_uid="ops_cache_post_delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="ops_cache_m2m_changed")


def unprefixed_path(path):
    """The path without its language prefix: /en/admin/ -> /admin/."""
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return path[len(prefix) - 1 :]
    return path


def is_excluded(path):
    path = unprefixed_path(path)
    prefixes = [
        "/" + settings.ADMIN_URL.strip("/") + "/",
        settings.STATIC_URL,  # WhiteNoise serves them, below the page cache
        *settings.PUBLIC_PAGE_CACHE_EXCLUDED_PREFIXES,
    ]
    return path.startswith(tuple(prefixes))


def _page_key(request):
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    # The scheme too: a page shows absolute links (robots.txt, sitemap, API, CSV) with it.
    where = (
        f"{request.scheme}|{request.get_host()}|{request.get_full_path()}|{language}|"
        f"{timezone.localdate()}"
    )
    return "page:" + hashlib.sha256(where.encode()).hexdigest()


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
        if not seconds or not self._may_serve_cached(request):
            return self.get_response(request)
        # One round trip: the generation and the page; a page of another generation is stale.
        key = _page_key(request)
        try:
            found = cache.get_many([GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY) or content_generation()
        except Exception:  # the cache is away: serve the page from the database
            logger.warning("Page cache unavailable; serving uncached")
            return self.get_response(request)
        stored = found.get(key)
        if stored is not None and stored[0] == generation:
            response = stored[1]
            if getattr(response, "_csrf_placeholder", False):
                _fill_in_csrf_token(request, response)
            response["X-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self._may_store(request, response):
            # Stored as one piece: a response written piece by piece (the feeds write each
            # XML element) would otherwise be unpickled as thousands of chunks on every hit
            # and sent by the WSGI server one write each.
            response.content = response.content
            if not response.has_header("ETag"):
                set_response_etag(response)
            if not response.has_header("Last-Modified"):
                response["Last-Modified"] = http_date()
            try:
                cache.set(key, (generation, _shareable(request, response)), seconds)
            except Exception:
                logger.warning("Page cache unavailable; page not stored")
        response["X-Cache"] = "miss"
        return response

    @staticmethod
    def _may_serve_cached(request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and getattr(settings, "MESSAGES_COOKIE_NAME", "messages") not in request.COOKIES
            and "Authorization" not in request.headers
            and not is_excluded(request.path_info)
        )

    @staticmethod
    def _may_store(request, response):
        if response.status_code != 200 or response.streaming:
            return False
        if set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
            return False  # the CSRF cookie alone is dealt with by _shareable()
        session = getattr(request, "session", None)
        if session is not None and (
            session.accessed and not session.is_empty() or session.modified
        ):
            return False
        # A message added during this request (and perhaps shown in this very page).
        if getattr(getattr(request, "_messages", None), "added_new", False):
            return False
        # request.user is lazy: look at it only if the view already did.
        user = getattr(request, "user", None)
        if getattr(getattr(user, "_wrapped", None), "is_authenticated", False) is True:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in ("private", "no-store", "no-cache")):
            return False
        vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
        return vary <= HARMLESS_VARY


def _shareable(request, response):
    """The response as every visitor may get it: without this visitor's CSRF token or cookie."""
    if not request.META.get("CSRF_COOKIE_NEEDS_UPDATE") and not response.cookies:
        return response
    shared = pickle.loads(pickle.dumps(response, pickle.HIGHEST_PROTOCOL))
    shared.cookies.clear()
    shared.content = CSRF_VALUE.sub(rb"\1" + CSRF_PLACEHOLDER + rb"\2", shared.content)
    shared._csrf_placeholder = True
    return shared


def _fill_in_csrf_token(request, response):
    """Put this visitor's CSRF token in the cached page, and set their CSRF cookie if needed,
    as CsrfViewMiddleware would have done (it is not reached for a cached page)."""
    csrf = CsrfViewMiddleware(lambda request: response)
    csrf.process_request(request)  # reads and checks the visitor's CSRF cookie
    token = get_token(request).encode()
    response.content = response.content.replace(CSRF_PLACEHOLDER, token)
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    csrf.process_response(request, response)  # sets the cookie when the visitor had none
