"""Server time, SQL queries and compressed size of each public page, at two data sizes.

Not a test suite: `make bench` runs it (pytest-benchmark); `make test` never collects it.
"""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db import connection
from django.template import Template
from django.test import Client
from django.test.utils import CaptureQueriesContext, instrumented_test_render

from bench import results
from bench.pages import PAGES, first_answering

ROUNDS = 50
# Django's test environment (set up by pytest-django once this module is imported) replaces
# Template._render with a version that sends a signal on every template and partial, for
# which the test client copies the whole context: work no production request does, and up to
# 5 ms on pages with many partials. The measured requests render with the real method.
PRODUCTION_RENDER = Template._render
assert PRODUCTION_RENDER is not instrumented_test_render
ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


def _gzip_size(content):
    return len(gzip.compress(content, compresslevel=6))


def _assets_size(html):
    total = 0
    for url in ASSET.findall(html):
        path = finders.find(url.split("/static/", 1)[-1].split("?")[0])
        if path:
            with open(path, "rb") as asset:
                total += _gzip_size(asset.read())
    return total


@pytest.mark.django_db
@pytest.mark.parametrize("mode", ["uncached", "cached"])
@pytest.mark.parametrize("page", [name for name, _urls in PAGES])
def test_page(benchmark, data_size, page, mode, settings, monkeypatch):
    monkeypatch.setattr(Template, "_render", PRODUCTION_RENDER)
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300 if mode == "cached" else 0
    cache.clear()
    client = Client()
    row = results.ROWS.setdefault((data_size, page), {})
    url = first_answering(client.get, dict(PAGES)[page])
    row["url"] = url
    if url is None:
        benchmark.extra_info["url"] = "not available"
        benchmark(lambda: None)
        return
    response = client.get(url)  # warm: caches, template loaders, translations
    if mode == "uncached":
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        row["queries"] = len(queries)
        row["gzip"] = _gzip_size(response.content)
        row["gzip_assets"] = row["gzip"] + _assets_size(response.content.decode())

    benchmark.extra_info["url"] = url
    response = benchmark.pedantic(client.get, args=(url,), rounds=ROUNDS, warmup_rounds=3)

    assert response.status_code == 200
    row[mode] = benchmark.stats.stats.median * 1000
    if mode == "cached" and response.get("X-Cache") != "hit":
        row["cached_note"] = "not cached"


@pytest.mark.django_db
def test_floor(benchmark, data_size, settings, monkeypatch):
    """A minimal view through the same middleware stack, uncached: the unit of the table."""
    from bench.urls import FLOOR_URL

    monkeypatch.setattr(Template, "_render", PRODUCTION_RENDER)
    settings.ROOT_URLCONF = "bench.urls"
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    client = Client()
    client.get(FLOOR_URL)

    response = benchmark.pedantic(client.get, args=(FLOOR_URL,), rounds=ROUNDS * 4, warmup_rounds=5)

    assert response.status_code == 200
    results.FLOOR[data_size] = benchmark.stats.stats.median * 1000
