"""The site's URLs plus the bench's floor: a minimal view behind the same middleware stack.

`make bench` measures every page's uncached time also as a multiple of this floor (the
middleware, the URL resolver and the WSGI handler, no query, no template), so figures from
different machines can be compared.
"""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns

FLOOR_URL = "/bench-floor/"


def floor(request):
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


urlpatterns = [path(FLOOR_URL.strip("/") + "/", floor), *site_urlpatterns]
