"""The public page cache: anonymous GET/HEAD of public pages, invalidated by the edits that
change them.

How it stays correct:
- Every cached page holds the *versions of what it depends on*, numbers in the (shared)
  cache that change on the writes that can change the page. A page stored under other
  versions is never served, so an edit shows at once, in every process that shares the cache
  (Redis or the database cache: see `config.W001` below for a cache local to each process).
- What a page depends on is declared by its view (`promises.signals.page_depends_on_locality`):
  such a page depends on its locality's version (`locality:<slug>`) and on the version of
  content shared by every locality (`shared`). Any other page (home, lists, feeds, API,
  sitemap, and every page added without a declaration) depends on the site's version
  (`site`), which every write changes. Nothing is purged by URL: a new page is correct as
  it is, and only faster with a declaration.
- A save, delete or many-to-many change of a model of the promises, situation and followup
  apps changes `site` and the version of the locality it hangs on (found through the
  model's `locality_lookup`, before and after the save, so a moved promise leaves both);
  a write that hangs on no locality (a party, a theme, an agreement, a locality itself) or
  on one that cannot be found changes `shared`, i.e. every page. Each change is made again
  when the transaction commits, so a page rendered from the old data during the transaction
  cannot be stored under the new version. Code that writes with `QuerySet.update()`,
  `bulk_create()` or raw SQL sends `promises.signals.content_changed` (with `instance=` when
  it knows the row, else every page is invalidated).
- settings.PUBLIC_PAGE_CACHE_PER_LOCALITY = False makes every page depend on `site`: any
  edit invalidates every page (the behaviour before, kept for comparison in the load test).
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
- One render per miss: after an edit, the popular pages are asked for by many visitors at
  once. The first request to miss a page takes a short lock on it (`cache.add`) and renders
  it; the others wait for the stored page (up to settings.PUBLIC_PAGE_CACHE_WAIT_SECONDS,
  polling the cache) and are served it as a hit, under the same versions, so never older
  than they would have rendered themselves. A lock whose holder stored nothing (the page
  may not be stored, or its versions changed meanwhile) is released, and the waiters
  render the page themselves.
"""

import functools
import hashlib
import logging
import math
import os
import pickle
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import set_response_etag
from django.utils.http import http_date

from promises.signals import LOCALITY_KWARG_ATTRIBUTE, content_changed, in_bulk_write

logger = logging.getLogger(__name__)

# The versions pages depend on (see the module's docstring).
GENERATION_KEY = "content-generation"  # `site`: changed by every write
SHARED_KEY = "content-version:shared"
LOCALITY_KEY = "content-version:locality:{}"
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
# The residents' forms carry a signed "shown at" time (followup.forms.shown_at_token) whose
# minimum fill time stops bots; a cached page gets each visitor a fresh one, like the token.
SHOWN_AT_VALUE = re.compile(rb'(name="(?:[\w-]+-)?shown_at" value=")[^"]*(")')
SHOWN_AT_PLACEHOLDER = b"__form_shown_at_filled_in_per_visitor__"


def content_generation():
    """The current version of the site (changed by every write); a new one when the cache
    has lost it. `{% cache %}` fragments use it in their keys."""
    return _versions([GENERATION_KEY])[0]


def _versions(keys, found=None):
    """The current versions of `keys` (from `found`, one get_many's answer, when given);
    a version the cache has lost is started anew (so pages stored under it are stale)."""
    found = cache.get_many(keys) if found is None else found
    versions = []
    for key in keys:
        version = found.get(key)
        if version is None:
            version = time.time_ns()
            if not cache.add(key, version, None):
                version = cache.get(key, version)
        versions.append(version)
    return tuple(versions)


def bump_content_generation(localities=None):
    """Invalidate the pages of `localities` (slugs) and the pages of no locality; with
    None, every cached public page. Now, and again when the transaction commits."""
    keys = [GENERATION_KEY]
    if localities is None or not settings.PUBLIC_PAGE_CACHE_PER_LOCALITY:
        keys.append(SHARED_KEY)
    else:
        keys += [LOCALITY_KEY.format(slug) for slug in sorted(localities)]
    _new_versions(keys)
    transaction.on_commit(lambda: _new_versions(keys))


def _new_versions(keys):
    try:
        version = time.time_ns()
        cache.set_many(dict.fromkeys(keys, version), None)
    except Exception:  # an edit must not fail because the cache is away
        logger.warning("Could not invalidate the page cache: the cache does not answer")


# --- Which locality a write touches -----------------------------------------------------


def _is_public(model):
    """Whether a write to `model` may change a public page (not inside a
    `promises.signals.bulk_write()`, which invalidates everything once at its end)."""
    model = getattr(model, "instance_type", model)  # a django-simple-history record
    return (
        model._meta.app_label in CONTENT_APPS
        and model._meta.label_lower not in NOT_PUBLIC_MODELS
        and not in_bulk_write()
    )


@functools.cache
def _locality_lookup(model):
    """The lookup from `model` to its locality ("locality", "promise__locality", ...), or
    None when its rows hang on no single locality (a locality itself, a party, a theme)."""
    original = getattr(model, "instance_type", model)  # history: the same fields
    if original._meta.label_lower == "promises.locality":
        return None
    lookup = getattr(original._default_manager.get_queryset(), "locality_lookup", None)
    if lookup is None and any(f.name == "locality" for f in original._meta.fields):
        lookup = "locality"
    return lookup or None


def _slugs_in_database(model, pks):
    """The slugs of the localities rows `pks` of `model` hang on, or None when unknown."""
    lookup = _locality_lookup(model)
    if lookup is None or pks is None:
        return None
    slugs = set(model._base_manager.filter(pk__in=pks).values_list(f"{lookup}__slug", flat=True))
    return None if None in slugs else slugs


def _slug_of_instance(instance):
    """The slug of the locality `instance` hangs on, by its attributes (a deleted row)."""
    lookup = _locality_lookup(type(instance))
    obj = instance
    for part in (lookup or "").split("__"):
        obj = getattr(obj, part, None) if lookup else None
    return getattr(obj, "slug", None)


def _pre_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """Remember where a row was before the save: a promise moved away leaves its old
    locality's pages too."""
    if not _is_public(sender) or instance._state.adding or instance.pk is None:
        return
    lookup = _locality_lookup(sender)
    if lookup is None:
        return
    if update_fields is not None and lookup.split("__")[0] not in update_fields:
        return
    instance._page_cache_localities_before = _slugs_in_database(sender, [instance.pk])


def _post_save(sender, instance, raw=False, **kwargs):
    if not _is_public(sender):
        return
    if raw or _locality_lookup(sender) is None:  # raw: loaddata (a restore), everything
        bump_content_generation()
        return
    slugs = _slugs_in_database(sender, [instance.pk])
    before = instance.__dict__.pop("_page_cache_localities_before", set())
    bump_content_generation(None if slugs is None or before is None else slugs | before)


def _post_delete(sender, instance, **kwargs):
    if not _is_public(sender):
        return
    try:
        slug = _slug_of_instance(instance)
    except Exception:  # what it hung on is gone too: invalidate everything
        slug = None
    bump_content_generation(None if slug is None else {slug})


def _m2m_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if not action.startswith("post_") or not (_is_public(type(instance)) or _is_public(model)):
        return
    # Both sides: a promise given a party, a picture linked to a promise of another locality.
    sides = [(type(instance), [instance.pk]), (model, pk_set)]
    located = [(m, pks) for m, pks in sides if _locality_lookup(m) is not None]
    slugs = set()
    for m, pks in located:
        found = _slugs_in_database(m, pks)
        if found is None:
            bump_content_generation()
            return
        slugs |= found
    bump_content_generation(slugs if located else None)


def _content_changed_signal(sender=None, instance=None, **kwargs):
    """`content_changed`: with the changed row as `instance`, only its locality's pages."""
    if sender is not None and sender._meta.label_lower in NOT_PUBLIC_MODELS or in_bulk_write():
        return
    if instance is not None and _locality_lookup(type(instance)) is not None:
        slugs = _slugs_in_database(type(instance), [instance.pk])
        bump_content_generation(slugs)
        return
    bump_content_generation()


def connect_invalidation_signals():
    content_changed.connect(_content_changed_signal, dispatch_uid="ops_cache_content_changed")
    pre_save.connect(_pre_save, dispatch_uid="ops_cache_pre_save")
    post_save.connect(_post_save, dispatch_uid="ops_cache_post_save")
    post_delete.connect(_post_delete, dispatch_uid="ops_cache_post_delete")
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


def _dependencies(request):
    """The version keys the page at this path depends on: its locality's and the shared
    one when its view says it shows one locality (and the URL names it), else the site's."""
    if not settings.PUBLIC_PAGE_CACHE_PER_LOCALITY:
        return (GENERATION_KEY,)
    path = request.path_info
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    try:
        with translation.override(language):  # the i18n prefix resolves in its language
            match = resolve(path, getattr(request, "urlconf", None))
    except Resolver404:
        return (GENERATION_KEY,)
    view = getattr(match.func, "view_class", match.func)
    kwarg = getattr(view, LOCALITY_KWARG_ATTRIBUTE, None)
    slug = match.kwargs.get(kwarg) if kwarg else None
    if not slug:
        return (GENERATION_KEY,)
    return (SHARED_KEY, LOCALITY_KEY.format(slug))


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
        # One round trip: the page and the versions it depends on; a page stored under
        # other versions is stale.
        key = _page_key(request)
        dependencies = _dependencies(request)
        try:
            found = cache.get_many([key, *dependencies])
            versions = _versions(dependencies, found)
        except Exception:  # the cache is away: serve the page from the database
            logger.warning("Page cache unavailable; serving uncached")
            return self.get_response(request)
        stored, locked = found.get(key), False
        if stored is None or stored[0] != versions:
            stored, locked = _rendered_by_another(key, versions)
        if stored is not None and stored[0] == versions:
            response = stored[1]
            if getattr(response, "_csrf_placeholder", False):
                _fill_in_csrf_token(request, response)
            response["X-Cache"] = "hit"
            return response
        try:
            return self._render_and_store(request, key, versions, seconds)
        finally:
            if locked:
                _release(key)

    def _render_and_store(self, request, key, versions, seconds):
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
                cache.set(key, (versions, _shareable(request, response)), seconds)
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


RENDER_LOCK = "rendering:{}"
POLL_SECONDS = 0.01


def _rendered_by_another(key, versions):
    """(stored page, False) when another request rendered the page meanwhile; (None, True)
    when this request took the page's render lock and is to render it; (None, False) when
    the lock's holder stored nothing usable in time: this request renders it too."""
    lock = RENDER_LOCK.format(key)
    wait = settings.PUBLIC_PAGE_CACHE_WAIT_SECONDS
    try:
        if not wait:
            return None, False
        if cache.add(lock, 1, timeout=math.ceil(wait) + 1):
            return None, True
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
            found = cache.get_many([key, lock])
            stored = found.get(key)
            if stored is not None and stored[0] == versions:
                return stored, False
            if lock not in found:  # its holder stored nothing we can use
                break
    except Exception:  # the cache is away: render the page
        logger.warning("Page cache unavailable; rendering without waiting")
    return None, False


def _release(key):
    try:
        cache.delete(RENDER_LOCK.format(key))
    except Exception:
        logger.warning("Page cache unavailable; render lock left to expire")


def _shareable(request, response):
    """The response as every visitor may get it: without this visitor's CSRF token or cookie,
    and without the "shown at" time of the forms it carries."""
    shown_at = SHOWN_AT_VALUE.search(response.content) is not None
    if not shown_at and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE") and not response.cookies:
        return response
    shared = pickle.loads(pickle.dumps(response, pickle.HIGHEST_PROTOCOL))
    shared.cookies.clear()
    shared.content = CSRF_VALUE.sub(rb"\1" + CSRF_PLACEHOLDER + rb"\2", shared.content)
    shared.content = SHOWN_AT_VALUE.sub(rb"\1" + SHOWN_AT_PLACEHOLDER + rb"\2", shared.content)
    shared._csrf_placeholder = True
    return shared


def _fill_in_csrf_token(request, response):
    """Put this visitor's CSRF token (and a fresh "shown at" time) in the cached page, and set
    their CSRF cookie if needed, as CsrfViewMiddleware would have done (it is not reached for
    a cached page)."""
    csrf = CsrfViewMiddleware(lambda request: response)
    csrf.process_request(request)  # reads and checks the visitor's CSRF cookie
    token = get_token(request).encode()
    response.content = response.content.replace(CSRF_PLACEHOLDER, token)
    if SHOWN_AT_PLACEHOLDER in response.content:
        from followup.forms import shown_at_token

        fresh = shown_at_token().encode()
        response.content = response.content.replace(SHOWN_AT_PLACEHOLDER, fresh)
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    csrf.process_response(request, response)  # sets the cookie when the visitor had none


def check_page_cache_is_shared(app_configs=None, **kwargs):
    """W001: the page cache in a cache of each process's own memory, with several processes:
    an edit through one would not show through the others until their copies expire."""
    from django.core import checks

    backend = settings.CACHES["default"]["BACKEND"]
    workers = os.environ.get("GUNICORN_WORKERS", "")
    if (
        settings.PUBLIC_PAGE_CACHE_SECONDS
        and not settings.DEBUG
        and backend.endswith("LocMemCache")
        and workers.strip() != "1"
    ):
        return [
            checks.Warning(
                "The public page cache is on (PUBLIC_PAGE_CACHE_SECONDS) in a local-memory "
                "cache, but there may be several processes: an edit would not show in the "
                "others' cached pages.",
                hint="Set REDIS_URL (or CACHE_URL=dbcache://page_cache), or "
                "PUBLIC_PAGE_CACHE_SECONDS=0, or GUNICORN_WORKERS=1.",
                id="config.W001",
            )
        ]
    return []
