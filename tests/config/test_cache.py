"""Anonymous public pages come from the cache, and an edit shows at once."""

import contextlib
import re
import threading
import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from config.cache import CSRF_VALUE, SHOWN_AT_VALUE, PublicPageCacheMiddleware
from followup.models import Update
from followup.services import update_post, update_publish
from promises.models import Commitment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    with contextlib.suppress(Exception):  # one test points the cache at a dead server
        cache.clear()


def _without_tokens(content):
    """The page without its per-visitor values: CSRF tokens and the forms' "shown at" time."""
    return SHOWN_AT_VALUE.sub(rb"\1\2", CSRF_VALUE.sub(rb"\1\2", content))


def _get(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries)


def test_a_second_anonymous_visit_is_served_from_the_cache_without_queries(client, make_promise):
    promise = make_promise(title="Tryggare torg")

    first, first_queries = _get(client, promise.get_absolute_url())
    second, second_queries = _get(client, promise.get_absolute_url())

    assert first["X-Cache"] == "miss" and first_queries > 0
    assert second["X-Cache"] == "hit" and second_queries == 0
    assert _without_tokens(second.content) == _without_tokens(first.content)
    assert "Content-Security-Policy" in second and "X-Request-ID" in second


def test_an_edit_shows_at_once_on_the_public_page(client, make_promise):
    promise = make_promise(title="Tryggare torg")
    assert "Tryggare torg" in client.get(promise.get_absolute_url()).content.decode()

    promise.title = "Tryggare torg och hamn"
    promise.save()

    response = client.get(promise.get_absolute_url())
    assert response["X-Cache"] == "miss"
    assert "Tryggare torg och hamn" in response.content.decode()


def test_a_status_change_through_the_service_shows_at_once(
    client, make_promise, make_commitment, make_user
):
    promise = make_promise()
    commitment = make_commitment(promise=promise, text="Fler kvällspass vid torget")
    client.get(promise.get_absolute_url())

    update_post(
        promise=promise,
        commitment=commitment,
        author=make_user(),
        text="Passen har börjat.",
        new_status=Commitment.Status.IN_PROGRESS,
        published=True,
    )

    html = client.get(promise.get_absolute_url()).content.decode()
    assert Update.objects.count() == 1
    assert "status-in_progress" in html


def test_publishing_a_draft_note_shows_it_at_once(client, make_promise, make_user):
    # update_publish() writes with QuerySet.update(), which sends no post_save.
    promise = make_promise()
    note = update_post(
        promise=promise, author=make_user(), text="Kvällspassen har börjat.", published=False
    )
    assert "Kvällspassen har börjat." not in client.get(promise.get_absolute_url()).content.decode()

    update_publish(note)

    response = client.get(promise.get_absolute_url())
    assert response["X-Cache"] == "miss"
    assert "Kvällspassen har börjat." in response.content.decode()


def test_generated_scale_data_shows_at_once(client):
    from promises.demo.scale import generate_scale_data

    assert "skala" not in client.get("/loften/").content.decode()

    generate_scale_data(1)

    response = client.get("/loften/")
    assert response["X-Cache"] == "miss"
    assert "skala" in response.content.decode().lower()


def test_a_many_to_many_change_invalidates_the_pages(client, make_promise, make_party):
    promise = make_promise()
    client.get(promise.get_absolute_url())

    promise.parties.add(make_party(name="Västtrafik"))

    assert client.get(promise.get_absolute_url())["X-Cache"] == "miss"


def test_logged_in_users_never_get_or_fill_the_cache(client, admin_user, make_promise):
    promise = make_promise()
    client.get(promise.get_absolute_url())  # cached for anonymous visitors
    client.force_login(admin_user)

    response = client.get(promise.get_absolute_url())

    assert "X-Cache" not in response


def _csrf_accepts(cookie, token):
    """Whether CsrfViewMiddleware accepts a POST carrying this cookie and this form token."""
    from django.middleware.csrf import CsrfViewMiddleware

    request = RequestFactory().post("/", {"csrfmiddlewaretoken": token})
    request.COOKIES[settings.CSRF_COOKIE_NAME] = cookie
    middleware = CsrfViewMiddleware(lambda request: None)
    middleware.process_request(request)
    return middleware.process_view(request, lambda request: None, (), {}) is None


def test_a_page_with_a_form_is_cached_and_each_visitor_gets_their_own_csrf_token(
    make_promise,
):
    from django.test import Client

    url = make_promise().get_absolute_url()
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)

    miss, hit = first.get(url), second.get(url)

    assert miss["X-Cache"] == "miss" and hit["X-Cache"] == "hit"
    assert token.search(miss.content.decode()), "the promise page has a form"
    first_token = token.search(miss.content.decode()).group(1)
    second_token = token.search(hit.content.decode()).group(1)
    first_cookie = miss.cookies[settings.CSRF_COOKIE_NAME].value
    second_cookie = hit.cookies[settings.CSRF_COOKIE_NAME].value
    assert first_cookie != second_cookie
    assert _csrf_accepts(second_cookie, second_token)
    assert not _csrf_accepts(first_cookie, second_token)
    assert _csrf_accepts(first_cookie, first_token)
    assert int(hit["Content-Length"]) == len(hit.content)


def test_the_admin_is_never_cached(client):
    response = client.get(reverse("admin:login"))

    assert "X-Cache" not in response


def test_responses_that_set_a_cookie_or_say_no_store_are_not_stored():
    from django.http import HttpResponse
    from django.test import RequestFactory
    from django.views.decorators.cache import never_cache

    from config.cache import PublicPageCacheMiddleware

    def sets_cookie(request):
        response = HttpResponse("hej")
        response.set_cookie("seen", "1")
        return response

    for view in (sets_cookie, never_cache(lambda request: HttpResponse("hej"))):
        middleware = PublicPageCacheMiddleware(view)
        middleware(RequestFactory().get("/page/"))
        assert middleware(RequestFactory().get("/page/"))["X-Cache"] == "miss"


def test_swedish_and_english_pages_are_cached_apart(client, make_promise):
    url = make_promise().get_absolute_url()
    swedish = client.get(url)
    english = client.get("/en" + url)

    assert english["X-Cache"] == "miss"
    assert '<html lang="sv">' in swedish.content.decode()
    assert '<html lang="en">' in english.content.decode()
    again = client.get("/en" + url)
    assert again["X-Cache"] == "hit"
    assert _without_tokens(again.content) == _without_tokens(english.content)


@pytest.mark.parametrize("path", ["/robots.txt", "/sitemap.xml"])
def test_an_https_visit_through_the_proxy_does_not_give_plain_http_visitors_https_links(
    client, settings, make_promise, path
):
    """Issue 11, point 14: three requests with X-Forwarded-Proto: https filled the cache."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    make_promise()
    host = {"HTTP_HOST": "testserver"}  # as a proxy passes it, whatever the scheme
    for _ in range(3):
        response = client.get(path, HTTP_X_FORWARDED_PROTO="https", **host)
        assert "https://testserver/" in response.content.decode()

    plain = client.get(path, **host)

    assert "https://" not in plain.content.decode()
    assert "http://testserver/" in plain.content.decode()
    secure = client.get(path, HTTP_X_FORWARDED_PROTO="https", **host)
    assert secure["X-Cache"] == "hit"  # each scheme has its own cached copy
    assert "https://testserver/" in secure.content.decode()


def test_x_forwarded_proto_is_ignored_unless_secure_proxy_ssl_header_is_set(client, settings):
    assert settings.SECURE_PROXY_SSL_HEADER is None  # its default: unset in the environment

    client.get("/robots.txt", HTTP_X_FORWARDED_PROTO="https")
    text = client.get("/robots.txt", HTTP_X_FORWARDED_PROTO="https").content.decode()

    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_conditional_get_answers_304_from_the_cache(client, make_promise):
    promise = make_promise()
    etag = client.get(promise.get_absolute_url())["ETag"]

    response, queries = _get(client, promise.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert queries == 0


def test_not_found_pages_are_not_cached(client):
    client.get("/no-such-place/")

    response = client.get("/no-such-place/")

    assert response.status_code == 404
    assert response["X-Cache"] == "miss"


def test_a_fragment_cached_on_the_content_generation_changes_with_an_edit(rf, make_promise):
    from django.template import engines

    from config.context_processors import content_generation

    promise = make_promise(title="Före")
    template = engines["django"].from_string(
        "{% load cache %}{% cache 300 body promise.pk content_generation %}"
        "{{ promise.title }}{% endcache %}"
    )

    def render():
        promise.refresh_from_db()
        return template.render({"promise": promise, **content_generation(rf.get("/"))})

    assert render() == "Före"
    type(promise).objects.filter(pk=promise.pk).update(title="Efter")  # no signal
    assert render() == "Före"  # still the cached fragment
    promise.save()  # a save bumps the generation
    assert render() == "Efter"


def test_pages_and_edits_work_when_the_cache_is_down(client, make_promise, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
        }
    }
    promise = make_promise(title="Utan cache")  # the save's invalidation must not fail

    response = client.get(promise.get_absolute_url())

    assert response.status_code == 200
    assert "Utan cache" in response.content.decode()
    assert client.get("/readyz").json()["checks"]["cache"] == "unavailable"


def test_a_page_showing_a_message_added_in_the_same_request_is_not_stored(client, settings):
    from django.contrib import messages
    from django.http import HttpResponse

    from config.cache import PublicPageCacheMiddleware

    def view(request):
        messages.info(request, "Tack för ditt tips!")
        return HttpResponse("".join(str(m) for m in messages.get_messages(request)))

    request = RequestFactory().get("/tack/")
    from django.contrib.messages.storage.cookie import CookieStorage

    request._messages = CookieStorage(request)
    middleware = PublicPageCacheMiddleware(view)
    middleware(request)

    again = RequestFactory().get("/tack/")
    again._messages = CookieStorage(again)
    assert middleware(again)["X-Cache"] == "miss"


def test_a_page_written_piece_by_piece_is_stored_and_served_in_one_piece():
    """The syndication feeds write their XML element by element: stored as it was, a cached
    feed was ~2 000 chunks, unpickled on every hit and sent by gunicorn one write each (the
    cached feed managed a quarter of the requests/s of the larger cached API list)."""
    from django.http import HttpResponse

    from config.cache import PublicPageCacheMiddleware

    def written_piece_by_piece(request):
        response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
        for n in range(1000):
            response.write(f"<entry>{n}</entry>")
        return response

    middleware = PublicPageCacheMiddleware(written_piece_by_piece)
    miss = middleware(RequestFactory().get("/feeds/atom/"))
    hit = middleware(RequestFactory().get("/feeds/atom/"))

    assert hit["X-Cache"] == "hit"
    assert hit.content == miss.content
    assert len(list(hit)) == 1  # what a WSGI server sends: one piece, one write


def test_static_files_pass_the_page_cache_by(client, settings):
    settings.WHITENOISE_USE_FINDERS = True  # no collectstatic in tests
    response = client.get("/static/css/site.css")
    response.close()

    assert response.status_code == 200
    assert "X-Cache" not in response  # never looked up in, nor stored in, the page cache


SHOWN_AT = re.compile(r'name="shown_at" value="([^"]+)"')


def test_each_visitor_of_a_cached_page_gets_a_fresh_form_time(
    client, make_promise, monkeypatch, settings
):
    """A bot fetching a cached page must not get a form time signed when the page was
    first rendered: the minimum fill time would then already have passed."""
    from django.core import signing
    from django.test import Client

    from followup import forms
    from followup.models import Feedback

    settings.FEEDBACK_MIN_SECONDS = 3
    settings.PUBLIC_PAGE_CACHE_SECONDS = 86400  # the clock below is every module's
    promise = make_promise(title="Tryggare torg")
    clock = [1_000_000.0]
    monkeypatch.setattr(forms.time, "time", lambda: clock[0])
    first = client.get(promise.get_absolute_url())
    clock[0] += 3600  # an hour later, a bot fetches the page from the cache

    bot = Client()
    cached = bot.get(promise.get_absolute_url())
    token = SHOWN_AT.search(cached.content.decode()).group(1)
    response = bot.post(
        "/synpunkter/",
        {
            "locality": promise.locality_id,
            "promise": promise.pk,
            "message": "Det är mörkt vid busshållplatsen på kvällarna.",
            "shown_at": token,
            "csrfmiddlewaretoken": re.search(
                r'name="csrfmiddlewaretoken" value="([^"]+)"', cached.content.decode()
            ).group(1),
        },
    )

    assert first["X-Cache"] == "miss" and cached["X-Cache"] == "hit"
    assert signing.loads(token, salt=forms.FORM_SALT) == clock[0]  # signed at this visit
    assert response.status_code == 400 and not Feedback.objects.exists()  # sent too fast


# --- One render per miss -------------------------------------------------------------------


def _concurrent_misses(view, visitors=8, path="/om/"):
    """`visitors` anonymous requests for one page through the cache middleware at once;
    their responses."""
    middleware = PublicPageCacheMiddleware(view)
    start = threading.Barrier(visitors)
    responses = [None] * visitors

    def visit(i):
        request = RequestFactory().get(path)
        start.wait()
        responses[i] = middleware(request)

    threads = [threading.Thread(target=visit, args=(i,)) for i in range(visitors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return responses


def _slow_view(renders, status=200, fail=False):
    def view(request):
        renders.append(request)
        time.sleep(0.2)
        if fail:
            raise RuntimeError("the view broke")
        return HttpResponse(f"render {len(renders)}", status=status)

    return view


def test_a_page_missed_by_many_visitors_at_once_is_rendered_once():
    renders = []

    responses = _concurrent_misses(_slow_view(renders))

    assert len(renders) == 1
    assert sorted(r["X-Cache"] for r in responses) == ["hit"] * 7 + ["miss"]
    assert {r.content for r in responses} == {b"render 1"}


def test_a_page_that_may_not_be_stored_is_rendered_for_each_visitor_without_waiting_long():
    renders = []
    started = time.monotonic()

    responses = _concurrent_misses(_slow_view(renders, status=404), visitors=4)

    assert len(renders) == 4 and {r.status_code for r in responses} == {404}
    # Each waited for the one before it at most (4 × 0.2 s), never the full wait of 2 s each.
    assert time.monotonic() - started < 4 * 0.2 + 1.5


def test_a_render_that_fails_releases_the_page_for_the_next_visitor(settings):
    renders = []

    responses = []
    for view in (_slow_view(renders, fail=True), _slow_view(renders)):
        try:
            responses.append(PublicPageCacheMiddleware(view)(RequestFactory().get("/om/")))
        except RuntimeError:
            responses.append(None)

    assert responses[0] is None and responses[1]["X-Cache"] == "miss"
    assert len(renders) == 2


def test_without_a_wait_every_visitor_renders_the_missed_page(settings):
    settings.PUBLIC_PAGE_CACHE_WAIT_SECONDS = 0
    renders = []

    _concurrent_misses(_slow_view(renders), visitors=3)

    assert len(renders) == 3
