"""Project-wide middleware."""

import hashlib
import re

from django.utils.http import quote_etag

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
